import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { metricGroups, metricValue } from "@/lib/comparison/metrics";
import { getCountyYear } from "@/lib/comparison/queries";
import { format2021, formatForYear } from "@/lib/report-format";
import { parseReportParams } from "@/lib/reports/route-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ county: string; year: string }>;
  searchParams: Promise<{ sort?: string; dir?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { county, year } = await params;
  const parsed = parseReportParams({ organization: county, year });
  if (!parsed) return { title: "未找到" };
  return {
    title: `${parsed.year}年度各单位政府信息公开情况对比`,
    alternates: { canonical: `/counties/${parsed.organization}/${parsed.year}` },
  };
}

/** All of a county's units for one year, side by side, sortable without script. */
export default async function CountyYearPage({ params, searchParams }: Props) {
  const { county, year } = await params;
  const parsed = parseReportParams({ organization: county, year });
  const data = parsed ? await getCountyYear(parsed.organization, parsed.year) : null;
  if (!parsed || !data) notFound();
  const metrics = metricGroups(formatForYear(parsed.year) ?? format2021).flatMap((g) => g.metrics);
  const { sort, dir } = await searchParams;
  const sortIndex = sort !== undefined && /^\d+$/.test(sort) && Number(sort) < metrics.length ? Number(sort) : null;
  const descending = dir !== "asc";
  const rows = data.units.map((unit) => ({ unit, figures: metrics.map((m) => metricValue(m, unit.values)) }));
  if (sortIndex !== null) {
    rows.sort((a, b) => ((a.figures[sortIndex] ?? -1) - (b.figures[sortIndex] ?? -1)) * (descending ? -1 : 1));
  }
  const base = `/counties/${county}/${year}`;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">
        {data.county.name}
        {year}年度各单位政府信息公开情况对比
      </h1>
      <p className="mb-4 text-sm">
        下载：<a href={`${base}.csv`} className="text-blue-800 underline">CSV（各单位全部数据）</a>
      </p>
      {rows.length === 0 ? (
        <p>该年度暂无已发布的报告。</p>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label="各单位对比表" tabIndex={0}>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">各单位对比（点击列名排序）</caption>
            <thead>
              <tr>
                <th scope="col" className="border p-1 text-left">单位</th>
                {metrics.map((metric, i) => {
                  const active = sortIndex === i;
                  const next = active && descending ? "asc" : "desc";
                  return (
                    <th
                      key={metric.label}
                      scope="col"
                      className="border p-1"
                      aria-sort={active ? (descending ? "descending" : "ascending") : "none"}
                    >
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
                  <th scope="row" className="border p-1 text-left font-normal">
                    <Link href={`/reports/${unit.organization.slug}/${year}`} className="text-blue-800 underline">
                      {unit.organization.shortName}
                    </Link>
                  </th>
                  {figures.map((v, i) => (
                    <td key={metrics[i]!.label} className="border p-1 text-right tabular-nums">{v ?? "—"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
