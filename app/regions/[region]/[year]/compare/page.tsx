import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumbs } from "@/components/portal/breadcrumbs";
import { metricGroups, metricValue } from "@/lib/report-format/metrics";
import { getGovernmentYear } from "@/lib/comparison/queries";
import { listAncestors } from "@/lib/regions/list-ancestors";
import { compareCsvPath, comparePath, parseRegionYear, regionPath } from "@/lib/regions/paths";
import { format2021, formatForYear } from "@/lib/report-format";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ region: string; year: string }>;
  searchParams: Promise<{ sort?: string; dir?: string }>;
};

/** The figures compared, named by the format of the year. */
const metricsOf = (year: number) => metricGroups(formatForYear(year) ?? format2021).flatMap((g) => g.metrics);

// Metadata and page share one read per request; only the cells the figures sum are read.
const load = cache(async (region: string, year: string) => {
  const parsed = parseRegionYear({ region, year });
  const data = parsed ? await getGovernmentYear(parsed.region, parsed.year, metricsOf(parsed.year).flatMap((m) => m.cells)) : null;
  return parsed && data ? { ...data, year: parsed.year } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { region, year } = await params;
  const data = await load(region, year);
  if (!data) return { title: "未找到" };
  return {
    title: `${data.government.name}${data.year}年度各单位政府信息公开情况对比`,
    alternates: { canonical: comparePath(data.government.slug, data.year) },
  };
}

/** A government's units for one year (itself, the governments below it, its departments and townships), side by side, sortable without script. */
export default async function CompareUnitsPage({ params, searchParams }: Props) {
  const { region, year: yearText } = await params;
  const data = await load(region, yearText);
  if (!data) notFound();
  const { government, year } = data;
  const ancestors = await listAncestors(government.ancestorIds);
  const metrics = metricsOf(year);
  const { sort, dir } = await searchParams;
  const sortIndex = sort !== undefined && /^\d+$/.test(sort) && Number(sort) < metrics.length ? Number(sort) : null;
  const descending = dir !== "asc";
  const rows = data.units.map((unit) => ({ unit, figures: metrics.map((m) => metricValue(m, unit.values)) }));
  if (sortIndex !== null) {
    rows.sort((a, b) => ((a.figures[sortIndex] ?? -1) - (b.figures[sortIndex] ?? -1)) * (descending ? -1 : 1));
  }
  const base = comparePath(government.slug, year);
  return (
    <div className="print-landscape">
      <Breadcrumbs
        trail={[...ancestors, government].map((a) => ({ href: regionPath(a.slug), label: a.name }))}
        current={`${year}年度各单位对比`}
      />
      <h1 className="mb-2 text-2xl font-bold">
        {government.name}
        {year}年度各单位政府信息公开情况对比
      </h1>
      <p className="no-print mb-4 text-sm">
        下载：<a href={compareCsvPath(government.slug, year)} className="text-blue-800 underline">CSV（各单位全部数据）</a>
      </p>
      {rows.length === 0 ? (
        <p>该年度暂无已发布的报告。</p>
      ) : (
        <div className="data-table-box" role="region" aria-label="各单位对比表" tabIndex={0}>
          <table className="data-table">
            <caption className="sr-only">各单位对比（点击列名排序）</caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                {metrics.map((metric, i) => {
                  const active = sortIndex === i;
                  const next = active && descending ? "asc" : "desc";
                  return (
                    <th key={metric.label} scope="col" aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
                      <Link href={`${base}?sort=${i}&dir=${next}`} className="underline">
                        {metric.label}
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ unit, figures }) => (
                <tr key={unit.organization.slug}>
                  <th scope="row" className="whitespace-nowrap">
                    <Link href={`/reports/${unit.organization.slug}/${year}`} className="text-blue-800 underline">
                      {unit.organization.shortName}
                    </Link>
                  </th>
                  {figures.map((v, i) => (
                    <td key={metrics[i]!.label}>{v ?? "—"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
