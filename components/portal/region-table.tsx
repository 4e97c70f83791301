import Link from "next/link";
import type { RegionSummary } from "@/lib/regions/get-region";
import { regionPath } from "@/lib/regions/paths";

/**
 * Governments side by side with the size of their regions: how many units
 * each holds (itself and everything under it) and how many have published
 * their report for the year.
 */
export function RegionTable({ caption, hideCaption, regions, year, linkYear }: {
  caption: string;
  /** The caption is for screen readers only, when a heading above already says it. */
  hideCaption?: boolean;
  regions: readonly RegionSummary[];
  year: number;
  /** Link to the regions' pages for this year rather than their latest. */
  linkYear?: boolean;
}) {
  return (
    <div className="data-table-box">
      <table className="data-table">
        <caption className={hideCaption ? "sr-only" : "mb-1 text-left font-semibold"}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">地区</th>
            <th scope="col">单位数</th>
            <th scope="col">{year}年度已发布报告</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((region) => (
            <tr key={region.slug}>
              <th scope="row">
                <Link href={regionPath(region.slug, linkYear ? year : undefined)} className="text-blue-800 underline">
                  {region.name}
                </Link>
              </th>
              <td>{region.units}</td>
              <td>{region.published}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
