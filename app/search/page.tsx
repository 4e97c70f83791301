import type { Metadata } from "next";
import { ReportList } from "@/components/portal/report-list";
import { SearchForm } from "@/components/portal/search-form";
import { listPublishedReports } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "搜索年度报告", alternates: { canonical: "/search" } };

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[]; year?: string | string[] }> }) {
  const params = await searchParams;
  const q = (Array.isArray(params.q) ? params.q[0] : params.q)?.slice(0, 50) ?? "";
  const yearText = Array.isArray(params.year) ? params.year[0] : params.year;
  const year = yearText && /^\d{4}$/.test(yearText.trim()) ? Number(yearText) : undefined;
  const reports = q || year ? await listPublishedReports({ q, ...(year ? { year } : {}) }) : [];
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">搜索年度报告</h1>
      <SearchForm q={q} year={year} />
      <div role="status" aria-live="polite">
        {(q || year) && <p className="mb-4">找到 {reports.length} 份年度报告。</p>}
      </div>
      {reports.length > 0 && <ReportList reports={reports} />}
    </>
  );
}
