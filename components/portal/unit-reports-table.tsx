import Link from "next/link";
import type { RegionUnit } from "@/lib/regions/get-region";
import { formatChineseDate, todayInChina } from "@/lib/report-format";

/**
 * A government's own units with their report for the year: the name opens
 * the published report, the last column the unit's figures across the years
 * (that page exists once a unit has published anything).
 */
export function UnitReportsTable({ caption, units, year }: { caption: string; units: readonly RegionUnit[]; year: number }) {
  return (
    <div className="data-table-box">
      <table className="data-table">
        {/* Read by screen readers; the heading above says it to everyone else. */}
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">{year}年度报告</th>
            <th scope="col">历年</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.slug}>
              <th scope="row">
                {unit.report ? (
                  <Link href={`/reports/${unit.slug}/${year}`} className="text-blue-800 underline">
                    {unit.name}
                  </Link>
                ) : (
                  unit.name
                )}
              </th>
              <td className="text-left">
                {unit.report ? `${formatChineseDate(todayInChina(unit.report.publishedAt))}发布` : "未发布"}
              </td>
              <td className="whitespace-nowrap text-left">
                {unit.publishedYears.length > 0 ? (
                  <Link href={`/units/${unit.slug}`} className="text-blue-800 underline">
                    历年对比
                  </Link>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
