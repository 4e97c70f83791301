import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishedReport } from "@/components/report/published-report";
import { getPublishedReport } from "@/lib/reports/queries";
import { parseReportParams } from "@/lib/reports/route-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organization: string; year: string; number: string }> };

/** An earlier published edition (第N版, publications counted): every one stays reachable after a correction. */
async function load(params: Props["params"]) {
  const { number, ...rest } = await params;
  const parsed = parseReportParams(rest);
  if (!parsed || !/^\d{1,4}$/.test(number)) return null;
  return getPublishedReport(parsed.organization, parsed.year, Number(number));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = await load(params);
  if (!report) return { title: "未找到年度报告" };
  return {
    title: `${report.title}（第${report.edition}版）`,
    alternates: { canonical: `/reports/${report.organization.slug}/${report.year}/revisions/${report.edition}` },
  };
}

export default async function RevisionPage({ params }: Props) {
  const report = await load(params);
  if (!report) notFound();
  return <PublishedReport report={report} />;
}
