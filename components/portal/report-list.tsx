import Link from "next/link";
import type { PublishedReportListItem } from "@/lib/reports/queries";

const GROUPS = [
  { kind: "COUNTY_GOVERNMENT", label: "政府年度报告" },
  { kind: "TOWNSHIP", label: "乡镇信息公开年度报告" },
  { kind: "COUNTY_DEPARTMENT", label: "部门信息公开年度报告" },
] as const;

/** Published reports as portals arrange them: by year, then county, then townships and departments. */
export function ReportList({ reports }: { reports: PublishedReportListItem[] }) {
  const years = [...new Set(reports.map((r) => r.year))];
  return (
    <>
      {years.map((year) => {
        const ofYear = reports.filter((r) => r.year === year);
        const counties = [...new Map(ofYear.map((r) => [r.countyName, r.countySlug])).entries()];
        return (
          <section key={year} aria-labelledby={`year-${year}`} className="mb-8">
            <h2 id={`year-${year}`} className="mb-2 border-b text-lg font-semibold">
              {year}年度
            </h2>
            {counties.map(([county, countySlug]) => (
              <div key={county} className="mb-3">
                <h3 className="font-semibold text-gray-800">{county}</h3>
                <Link href={`/counties/${countySlug}/${year}`} className="ml-2 text-sm text-blue-800 underline">
                  {county}{year}年度各单位对比
                </Link>
                {GROUPS.map((group) => {
                  const items = ofYear.filter((r) => r.countyName === county && r.kind === group.kind);
                  if (items.length === 0) return null;
                  return (
                    <div key={group.kind} className="ml-2 mt-1">
                      <h4 className="text-sm text-gray-700">{group.label}</h4>
                      <ul className="ml-2 space-y-1">
                        {items.map((report) => (
                          <li key={report.organizationSlug}>
                            <Link className="text-blue-800 underline hover:text-gov-red" href={`/reports/${report.organizationSlug}/${year}`}>
                              {report.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </div>
                  );
                })}
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
