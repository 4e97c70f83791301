import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumbs } from "@/components/portal/breadcrumbs";
import { PublishedReport } from "@/components/report/published-report";
import { listRegionTrail } from "@/lib/regions/list-ancestors";
import { regionPath } from "@/lib/regions/paths";
import { getPublishedReport } from "@/lib/reports/queries";
import { parseReportParams } from "@/lib/reports/route-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organization: string; year: string }> };

// Metadata and page share one read per request.
const loadReport = cache((organization: string, year: string) => {
  const parsed = parseReportParams({ organization, year });
  return parsed ? getPublishedReport(parsed.organization, parsed.year) : null;
});

async function load(params: Props["params"]) {
  const { organization, year } = await params;
  return loadReport(organization, year);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = await load(params);
  if (!report) return { title: "未找到年度报告" };
  return {
    title: report.title,
    alternates: { canonical: `/reports/${report.organization.slug}/${report.year}` },
  };
}

export default async function ReportPage({ params }: Props) {
  const report = await load(params);
  if (!report) notFound();
  const base = `/reports/${report.organization.slug}/${report.year}`;
  const trail = (await listRegionTrail(report.organization.slug)) ?? [];
  return (
    <>
      <Breadcrumbs trail={trail.map((r) => ({ href: regionPath(r.slug), label: r.name }))} current={`${report.organization.shortName}${report.year}年度报告`} print={false} />
      <PublishedReport report={report} />
      <nav aria-label="下载" className="no-print mt-8 flex flex-wrap gap-4 border-t pt-4 text-sm">
        <span>下载：</span>
        <a className="text-blue-800 underline" href={`${base}.docx`}>Word（.docx）</a>
        <a className="text-blue-800 underline" href={`${base}.xlsx`}>Excel（.xlsx）</a>
        <a className="text-blue-800 underline" href={`${base}.csv`}>CSV</a>
        <a className="text-blue-800 underline" href={`${base}.json`}>开放数据（JSON）</a>
        <Link className="text-blue-800 underline" href={`/units/${report.organization.slug}`}>历年对比</Link>
      </nav>
    </>
  );
}
