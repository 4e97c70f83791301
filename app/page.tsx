import Link from "next/link";
import { listPublishedReportsByYear } from "@/lib/reports/queries";

// Published reports change when a reviewer publishes; read them per request.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const years = await listPublishedReportsByYear();
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">政府信息公开年报</h1>
      {years.length === 0 ? (
        <p>暂无已发布的年度报告。</p>
      ) : (
        years.map(({ year, reports }) => (
          <section key={year} aria-labelledby={`year-${year}`} className="mb-6">
            <h2 id={`year-${year}`} className="mb-2 border-b text-lg font-semibold">
              {year}年度
            </h2>
            <ul className="space-y-1">
              {reports.map((report) => (
                <li key={report.organizationSlug}>
                  <Link
                    className="text-blue-800 underline hover:text-gov-red"
                    href={`/reports/${report.organizationSlug}/${year}`}
                  >
                    {report.title}
                  </Link>
                  <span className="ml-2 text-sm text-gray-600">{report.organizationName}</span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
