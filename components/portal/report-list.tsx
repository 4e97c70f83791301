import Link from "next/link";
import { comparePath } from "@/lib/regions/paths";
import { inPortalGroup, PORTAL_GROUPS } from "@/lib/regions/portal-groups";
import type { PublishedReportListItem } from "@/lib/reports/queries";

/** Published reports as portals arrange them: by year, then government, then its townships and departments. */
export function ReportList({ reports }: { reports: PublishedReportListItem[] }) {
  const years = [...new Set(reports.map((r) => r.year))];
  return (
    <>
      {years.map((year) => {
        const ofYear = reports.filter((r) => r.year === year);
        const governments = [...new Map(ofYear.map((r) => [r.governmentSlug, r.governmentName])).entries()];
        return (
          <section key={year} aria-labelledby={`year-${year}`} className="mb-8">
            <h2 id={`year-${year}`} className="mb-2 border-b text-lg font-semibold">
              {year}年度
            </h2>
            {governments.map(([slug, name]) => (
              <div key={slug} className="mb-3">
                <h3 className="font-semibold text-gray-800">{name}</h3>
                <Link href={comparePath(slug, year)} className="ml-2 text-sm text-blue-800 underline">
                  {name}{year}年度各单位对比
                </Link>
                {PORTAL_GROUPS.map((group) => {
                  const items = ofYear.filter(
                    (r) => r.governmentSlug === slug && inPortalGroup(group, { slug: r.organizationSlug, kind: r.kind }, slug),
                  );
                  if (items.length === 0) return null;
                  return (
                    <div key={group.key} className="ml-2 mt-1">
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
