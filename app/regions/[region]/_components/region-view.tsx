import Link from "next/link";
import { Breadcrumbs } from "@/components/portal/breadcrumbs";
import { RegionTable } from "@/components/portal/region-table";
import { UnitReportsTable } from "@/components/portal/unit-reports-table";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import type { RegionPage } from "@/lib/regions/get-region";
import { comparePath, regionPath, regionSearchPath } from "@/lib/regions/paths";
import { inPortalGroup, PORTAL_GROUPS } from "@/lib/regions/portal-groups";

/** A government's page: the governments below it, then its own units and their reports for the year. */
export function RegionView({ page, yearInPath }: { page: RegionPage; yearInPath: boolean }) {
  const { government, year, totals } = page;
  const kinds = [...new Set(page.regions.map((r) => r.kind))];
  const years = page.years.includes(year) ? page.years : [year, ...page.years].sort((a, b) => b - a);
  return (
    <>
      <Breadcrumbs trail={page.ancestors.map((a) => ({ href: regionPath(a.slug), label: a.name }))} current={government.name} />
      <h1 className="mb-1 text-2xl font-bold">{government.name}</h1>
      <p className="mb-3">
        {year}年度政府信息公开工作年度报告：本地区共 {totals.units} 个单位，已发布 {totals.published} 份。
      </p>
      <nav aria-label="年度" className="no-print mb-3 text-sm">
        <span>年度：</span>
        {years.map((y) =>
          y === year ? (
            <span key={y} aria-current="page" className="ml-2 font-semibold">{y}年度</span>
          ) : (
            <Link key={y} href={regionPath(government.slug, y)} className="ml-2 text-blue-800 underline">{y}年度</Link>
          ),
        )}
      </nav>
      <p className="no-print mb-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href={comparePath(government.slug, year)} className="text-blue-800 underline">
          {government.name}{year}年度各单位对比
        </Link>
        <Link href={regionSearchPath(government.slug)} className="text-blue-800 underline">
          在本地区搜索
        </Link>
      </p>
      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`regions-${kind}`} className="mb-8">
          <h2 id={`regions-${kind}`} className="mb-2 border-b text-lg font-semibold">{organizationKindLabels[kind]}</h2>
          <RegionTable
            caption={`${government.name}下辖${organizationKindLabels[kind]}${year}年度报告发布情况`}
            hideCaption
            regions={page.regions.filter((r) => r.kind === kind)}
            year={year}
            linkYear={yearInPath}
          />
        </section>
      ))}
      {PORTAL_GROUPS.map((group) => {
        const units = page.units.filter((unit) => inPortalGroup(group, unit, government.slug));
        if (units.length === 0) return null;
        const id = `units-${group.key}`;
        return (
          <section key={id} aria-labelledby={id} className="mb-8">
            <h2 id={id} className="mb-2 border-b text-lg font-semibold">{group.label}</h2>
            <UnitReportsTable caption={`${group.label}（${year}年度）`} units={units} year={year} />
          </section>
        );
      })}
    </>
  );
}
