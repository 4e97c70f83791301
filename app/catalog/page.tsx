import type { Metadata } from "next";
import Link from "next/link";
import { CatalogFilterForm } from "@/components/catalog/catalog-filter-form";
import { CatalogItemList } from "@/components/catalog/catalog-item-list";
import { PageLinks } from "@/components/catalog/next-page-link";
import { parseCatalogFilters } from "@/lib/catalog/listing-filters";
import { getCatalogOrganization, listCatalogUnits, listPublishedItems } from "@/lib/catalog/public-queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "政府信息公开目录", alternates: { canonical: "/catalog" } };

type SearchParams = Record<string, string | string[] | undefined>;

/** Every unit's catalog: browse by unit, or search and narrow across units. */
export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = parseCatalogFilters(params);
  const unitSlug = typeof params.unit === "string" && /^[a-z0-9-]{1,100}$/.test(params.unit) ? params.unit : undefined;
  const [groups, unit] = await Promise.all([listCatalogUnits(), unitSlug ? getCatalogOrganization(unitSlug) : null]);
  const filtering = Boolean(filters.q || filters.category || filters.year || unit);
  const page = await listPublishedItems(unit?.id ?? null, filters);
  const units = groups.flatMap((g) => [g.government, ...g.units]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">政府信息公开目录</h1>
      <CatalogFilterForm action="/catalog" filters={filters} units={units} {...(unit ? { unit: unit.slug } : {})} />
      {!filtering && (
        <section aria-labelledby="units" className="mb-8">
          <h2 id="units" className="mb-2 text-lg font-semibold">按单位浏览</h2>
          {groups.map(({ government, units: children }) => (
            <div key={government.id} className="mb-3">
              <p className="text-sm">
                <Link href={`/catalog/${government.slug}`} className="text-blue-800 underline">{government.name}</Link>
              </p>
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {children.map((u) => (
                  <li key={u.id}>
                    <Link href={`/catalog/${u.slug}`} className="text-blue-800 underline">{u.shortName}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="results">
        <h2 id="results" className="mb-2 text-lg font-semibold">{filtering ? "检索结果" : "最新公开"}</h2>
        <div role="status" aria-live="polite" className="mb-2 text-sm">
          {filtering && page.items.length === 0 && <p>没有找到符合条件的信息。</p>}
          {page.partial && <p>两个字以内的检索词在全部单位中只查找最近公开的5000条信息；请输入更多的字，或选择单位后检索。</p>}
        </div>
        {page.items.length > 0 && <CatalogItemList items={page.items} showUnit />}
        <PageLinks base="/catalog" filters={filters} next={page.next} extra={unit ? `unit=${unit.slug}` : ""} />
      </section>
    </>
  );
}
