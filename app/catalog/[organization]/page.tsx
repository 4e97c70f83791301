import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CatalogFilterForm } from "@/components/catalog/catalog-filter-form";
import { CatalogItemList } from "@/components/catalog/catalog-item-list";
import { PageLinks } from "@/components/catalog/next-page-link";
import { catalogCategories } from "@/lib/catalog/categories";
import { catalogQueryString, parseCatalogFilters } from "@/lib/catalog/listing-filters";
import { getCatalogOrganization, listPublishedItems } from "@/lib/catalog/public-queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organization: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadOrganization = cache(async (slug: string) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? getCatalogOrganization(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const organization = await loadOrganization((await params).organization);
  if (!organization) return { title: "未找到" };
  return { title: `${organization.name}政府信息公开目录`, alternates: { canonical: `/catalog/${organization.slug}` } };
}

/** One unit's catalog, by category and year, newest first. */
export default async function UnitCatalogPage({ params, searchParams }: Props) {
  const organization = await loadOrganization((await params).organization);
  if (!organization) notFound();
  const filters = parseCatalogFilters(await searchParams);
  const page = await listPublishedItems(organization.id, filters);
  const base = `/catalog/${organization.slug}`;
  const openData = catalogQueryString(filters, { after: undefined, q: undefined });
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{organization.name}政府信息公开目录</h1>
      <nav aria-label="信息类别" className="mb-4 text-sm">
        <ul className="flex flex-wrap gap-x-3 gap-y-1">
          <li>
            <Link href={`${base}${catalogQueryString(filters, { category: undefined, after: undefined })}`} aria-current={!filters.category ? "page" : undefined} className="text-blue-800 underline">
              全部
            </Link>
          </li>
          {catalogCategories.map((c) => (
            <li key={c.key}>
              <Link href={`${base}${catalogQueryString(filters, { category: c.key, after: undefined })}`} aria-current={filters.category === c.key ? "page" : undefined} className="text-blue-800 underline">
                {c.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <CatalogFilterForm action={base} filters={filters} />
      <div role="status" aria-live="polite" className="mb-2 text-sm">
        {page.items.length === 0 && <p>没有找到符合条件的信息。</p>}
      </div>
      {page.items.length > 0 && <CatalogItemList items={page.items} />}
      <PageLinks base={base} filters={filters} next={page.next} />
      <p className="mt-6 text-sm">
        开放数据：
        <a href={`${base}/index.json${openData}`} className="ml-2 text-blue-800 underline">JSON</a>
        <a href={`${base}/index.csv${openData}`} className="ml-2 text-blue-800 underline">CSV</a>
      </p>
    </>
  );
}
