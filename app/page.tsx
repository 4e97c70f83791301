import Link from "next/link";
import { RegionTable } from "@/components/portal/region-table";
import { ReportList } from "@/components/portal/report-list";
import { SearchForm } from "@/components/portal/search-form";
import { listTopRegions, portalHasRegions } from "@/lib/regions/list-top-regions";
import { regionPath } from "@/lib/regions/paths";
import { listPublishedReports } from "@/lib/reports/queries";

// Published reports change when a reviewer publishes; read them per request.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">政府信息公开年报</h1>
      <SearchForm />
      {(await portalHasRegions()) ? <RegionTree /> : <AllReports />}
    </>
  );
}

/** One county: every published report, as its portal lists them. */
async function AllReports() {
  const reports = await listPublishedReports();
  return reports.length === 0 ? <p>暂无已发布的年度报告。</p> : <ReportList reports={reports} />;
}

/** More than one county: the top of the tree, each government a way down to its units. */
async function RegionTree() {
  const { year, roots } = await listTopRegions();
  return (
    <section aria-labelledby="by-region">
      <h2 id="by-region" className="mb-2 border-b text-lg font-semibold">按地区浏览</h2>
      {roots.map((root) => (
        <div key={root.slug} className="mb-6">
          <h3 className="text-lg font-semibold">
            <Link href={regionPath(root.slug)} className="text-blue-800 underline">{root.name}</Link>
          </h3>
          <p className="mb-2 text-sm">
            本地区共 {root.units} 个单位，{year}年度已发布年度报告 {root.published} 份。
          </p>
          {root.regions.length > 0 && (
            <RegionTable caption={`${root.name}下辖地区${year}年度报告发布情况`} regions={root.regions} year={year} />
          )}
        </div>
      ))}
    </section>
  );
}
