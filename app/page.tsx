import { ReportList } from "@/components/portal/report-list";
import { SearchForm } from "@/components/portal/search-form";
import { listPublishedReports } from "@/lib/reports/queries";

// Published reports change when a reviewer publishes; read them per request.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const reports = await listPublishedReports();
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">政府信息公开年报</h1>
      <SearchForm />
      {reports.length === 0 ? <p>暂无已发布的年度报告。</p> : <ReportList reports={reports} />}
    </>
  );
}
