import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CountsTable } from "@/components/catalog/counts-table";
import { categoryLabel, findCategory, validityLabel } from "@/lib/catalog/categories";
import { dateInChina } from "@/lib/catalog/china-time";
import { getCatalogOrganization } from "@/lib/catalog/public-queries";
import { readDb } from "@/lib/db/client";
import { countCatalogForReport, listItemsBehindCount } from "@/lib/catalog/report-counts";
import { measureLabel, type CatalogMeasure } from "@/lib/catalog/report-measures";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ organization: string; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "信息公开目录统计" };

const measures = new Set<string>(["published", "issued", "repealed", "inForce"]);
const PAGE = 200;

/** A unit-year's counts from the catalog, and the items behind any one of them. */
export default async function CatalogStatsPage({ params, searchParams }: Props) {
  const { organization: slug, year: yearText } = await params;
  const query = await searchParams;
  const organization = /^[a-z0-9-]{1,100}$/.test(slug) && /^\d{4}$/.test(yearText) ? await getCatalogOrganization(slug) : null;
  if (!organization) notFound();
  const year = Number(yearText);
  const measure = typeof query.measure === "string" && measures.has(query.measure) ? (query.measure as CatalogMeasure) : null;
  const category = typeof query.category === "string" && findCategory(query.category) ? query.category : null;
  const offset = typeof query.offset === "string" && /^\d{1,6}$/.test(query.offset) ? Number(query.offset) : 0;
  const [counts, items] = await Promise.all([
    countCatalogForReport(organization.id, year, readDb()),
    measure ? listItemsBehindCount(organization.id, year, measure, category, { limit: PAGE + 1, offset }, readDb()) : null,
  ]);
  const base = `/catalog/${organization.slug}/stats/${year}`;
  // Named as the year's table 二 names the figure (the 2019 format's 本年新公开数量, say), else by the measure.
  const figure = counts.figures.find((f) => f.measure === measure && f.category.key === category);
  const heading = figure?.columnLabel ?? (measure ? measureLabel[measure] : "");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{organization.name}{year}年信息公开目录统计</h1>
      <p className="mb-4 text-sm text-gray-700">按发布日期（北京时间）统计已发布的信息；草稿和待审核的信息不计入。</p>
      <CountsTable counts={counts} linkTo={(m, c) => `${base}?measure=${m}${c ? `&category=${c}` : ""}#items`} />
      {measure && items && (
        <section aria-labelledby="items" className="mt-6">
          <h2 id="items" className="mb-2 text-lg font-semibold">
            {category ? categoryLabel(category) : "全部"}：{heading}
          </h2>
          {items.length === 0 ? (
            <p className="text-sm">没有信息。</p>
          ) : (
            <ol start={offset + 1} className="list-decimal space-y-1 pl-8 text-sm">
              {items.slice(0, PAGE).map((item) => (
                <li key={item.id}>
                  <Link href={`/catalog/${organization.slug}/${item.id}`} className="text-blue-800 underline [overflow-wrap:anywhere]">{item.title}</Link>
                  <span className="ml-2 text-gray-700">
                    {dateInChina(item.publishedAt)}
                    {item.validity !== "VALID" && ` · ${validityLabel[item.validity]} ${item.validityEndedOn?.toISOString().slice(0, 10) ?? ""}`}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {items.length > PAGE && (
            <Link href={`${base}?measure=${measure}${category ? `&category=${category}` : ""}&offset=${offset + PAGE}#items`} className="mt-2 inline-block text-sm text-blue-800 underline">
              后{PAGE}条
            </Link>
          )}
        </section>
      )}
    </>
  );
}
