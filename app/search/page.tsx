import type { Metadata } from "next";
import { ReportList } from "@/components/portal/report-list";
import { SearchForm } from "@/components/portal/search-form";
import { findRegion, listRegionOptions } from "@/lib/regions/list-region-options";
import { parseRegionSlug } from "@/lib/regions/paths";
import { listPublishedReports, PUBLISHED_LIST_LIMIT } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "搜索年度报告", alternates: { canonical: "/search" } };

type SearchParams = { q?: string | string[]; year?: string | string[]; region?: string | string[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const q = first(params.q)?.slice(0, 50) ?? "";
  const yearText = first(params.year);
  const year = yearText && /^\d{4}$/.test(yearText.trim()) ? Number(yearText) : undefined;
  // A region limits the search to a government's subtree, on the server; an unknown one finds nothing and says so.
  const regionSlug = parseRegionSlug(first(params.region)?.trim() ?? "");
  const [regions, region] = await Promise.all([listRegionOptions(), regionSlug ? findRegion(regionSlug) : null]);
  const unknownRegion = Boolean(first(params.region)?.trim()) && !region;
  const searching = Boolean(q || year || region);
  const reports = searching && !unknownRegion ? await listPublishedReports({ q, ...(year ? { year } : {}), ...(region ? { regionId: region.id } : {}) }) : [];
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">搜索年度报告</h1>
      <SearchForm q={q} year={year} regions={regions} region={region?.slug ?? ""} />
      <div role="status" aria-live="polite">
        {unknownRegion && <p className="mb-4">未找到所选地区。</p>}
        {searching && !unknownRegion && (
          <p className="mb-4">
            {region ? `在${region.name}范围内` : ""}
            {reports.length < PUBLISHED_LIST_LIMIT
              ? `找到 ${reports.length} 份年度报告。`
              : `找到至少 ${PUBLISHED_LIST_LIMIT} 份年度报告，只列出最新的 ${PUBLISHED_LIST_LIMIT} 份；请输入单位名称或年度缩小范围。`}
          </p>
        )}
      </div>
      {reports.length > 0 && <ReportList reports={reports} />}
    </>
  );
}
