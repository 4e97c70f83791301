import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { Breadcrumbs } from "@/components/portal/breadcrumbs";
import { metricGroups, metricValue } from "@/lib/report-format/metrics";
import { getUnitHistory } from "@/lib/comparison/queries";
import { listRegionTrail } from "@/lib/regions/list-ancestors";
import { regionPath } from "@/lib/regions/paths";
import { comparableValues } from "@/lib/report-format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organization: string }> };

// Metadata and page share one read per request.
const loadHistory = cache(async (organization: string) => {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(organization)) return null;
  const history = await getUnitHistory(organization);
  return history.length > 0 ? history : null;
});

async function load(params: Props["params"]) {
  return loadHistory((await params).organization);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const history = await load(params);
  if (!history) return { title: "未找到" };
  return { title: `${history[0]!.organization.name}历年政府信息公开情况`, alternates: { canonical: `/units/${history[0]!.organization.slug}` } };
}

/** One unit across the years it has published. */
export default async function UnitHistoryPage({ params }: Props) {
  const history = await load(params);
  if (!history) notFound();
  const { organization } = history[0]!;
  const trail = (await listRegionTrail(organization.slug)) ?? [];
  const latestFormat = history.at(-1)!.format;
  const years = history.map((h) => `${h.year}年`);
  // A year in an earlier format shows only the figures the formats declare to mean the same.
  const comparable = history.map((h) => comparableValues(h.format, latestFormat, h.values));
  const earlierFormats = [...new Set(history.map((h) => h.format).filter((f) => f.version !== latestFormat.version))].map((format) => ({
    source: format.source,
    years: history.filter((h) => h.format === format).map((h) => h.year),
  }));
  return (
    <>
      <Breadcrumbs trail={trail.map((r) => ({ href: regionPath(r.slug), label: r.name }))} current={`${organization.shortName}历年情况`} />
      <h1 className="mb-2 text-2xl font-bold">{organization.name}历年政府信息公开情况</h1>
      <p className="mb-6 text-sm">
        各年度报告：
        {history.map((h) => (
          <Link key={h.year} href={`/reports/${organization.slug}/${h.year}`} className="ml-2 text-blue-800 underline">
            {h.year}年度
          </Link>
        ))}
      </p>
      {earlierFormats.map(({ source, years: inFormat }) => (
        <p key={source} className="mb-4 text-sm text-gray-700">
          {inFormat.map((year) => `${year}年`).join("、")}的报告使用{source}规定的格式，图中只列出与现行格式含义相同的数字，其余以“—”表示。
        </p>
      ))}
      {metricGroups(latestFormat).map((group, i) => (
        <BarChart
          key={group.title}
          id={`chart-${i}`}
          title={group.title}
          categories={years}
          series={group.metrics.map((metric) => ({ label: metric.label, values: comparable.map((values) => metricValue(metric, values)) }))}
        />
      ))}
    </>
  );
}
