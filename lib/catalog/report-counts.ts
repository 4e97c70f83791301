// The counts a report needs from the catalog, for one unit and year, in one
// aggregate query; and the items behind any one of them. Both read the same
// conditions (measureCondition), so a count and its list always agree.
import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { formatForYear } from "@/lib/report-format";
import { yearRangeInChina } from "./china-time";
import type { CatalogListItem } from "./public-queries";
import { standingCategories, summarizeCounts, type CatalogMeasure, type CatalogReportCounts, type CategoryCounts } from "./report-measures";

function measureCondition(measure: CatalogMeasure, year: number): Prisma.Sql {
  const { start, end } = yearRangeInChina(year);
  // 废止日期 is a calendar date; compared as dates, no time zone enters.
  const [first, last] = [`${year}-01-01`, `${year}-12-31`];
  switch (measure) {
    case "published":
    case "issued":
      return Prisma.sql`(published_at >= ${start} and published_at < ${end})`;
    case "repealed":
      return Prisma.sql`(validity = 'REPEALED' and validity_ended_on between ${first}::date and ${last}::date)`;
    case "inForce":
      return Prisma.sql`(published_at < ${end} and (validity = 'VALID' or validity_ended_on > ${last}::date))`;
  }
}

export async function countCatalogForReport(
  organizationId: string,
  year: number,
  prisma: PrismaClient | Prisma.TransactionClient = db(),
): Promise<CatalogReportCounts> {
  return (await countCatalogForReports([organizationId], year, prisma)).get(organizationId)!;
}

/** The same counts for several units in one aggregate query (the county board checks them all). */
export async function countCatalogForReports(
  organizationIds: readonly string[],
  year: number,
  prisma: PrismaClient | Prisma.TransactionClient = db(),
): Promise<Map<string, CatalogReportCounts>> {
  const format = formatForYear(year);
  // Items published before the year count only where the format counts stock (现行有效, 废止).
  const standing = format ? standingCategories(format) : [];
  const rows =
    organizationIds.length === 0
      ? []
      : await prisma.$queryRaw<{ organization_id: string; category: string; published: number; repealed: number; in_force: number }[]>`
    select organization_id::text, category,
           count(*) filter (where ${measureCondition("published", year)})::int as published,
           count(*) filter (where ${measureCondition("repealed", year)})::int as repealed,
           count(*) filter (where ${measureCondition("inForce", year)})::int as in_force
      from catalog_item
     where organization_id in (${Prisma.join(organizationIds.map((id) => Prisma.sql`${id}::uuid`))}) and status = 'PUBLISHED'
       and (${measureCondition("published", year)} or ${standing.length ? Prisma.sql`category in (${Prisma.join(standing)})` : Prisma.sql`false`})
     group by organization_id, category`;
  return new Map(
    organizationIds.map((id) => {
      const byCategory = new Map<string, CategoryCounts>(
        rows
          .filter((row) => row.organization_id === id)
          .map((row) => [row.category, { published: row.published, repealed: row.repealed, inForce: row.in_force }]),
      );
      return [id, summarizeCounts(year, byCategory, format)];
    }),
  );
}

export type ItemBehindCount = Pick<
  CatalogListItem,
  "id" | "title" | "category" | "documentNumber" | "indexNumber" | "publishedAt" | "validity" | "validityEndedOn"
>;

/** The published items behind one count (at most `limit`, newest first). */
export async function listItemsBehindCount(
  organizationId: string,
  year: number,
  measure: CatalogMeasure,
  category: string | null,
  options: { limit?: number; offset?: number } = {},
  prisma: PrismaClient = db(),
): Promise<ItemBehindCount[]> {
  const rows = await prisma.$queryRaw<
    {
      id: string;
      title: string;
      category: string;
      document_number: string;
      index_number: string;
      published_at: Date;
      validity: ItemBehindCount["validity"];
      validity_ended_on: Date | null;
    }[]
  >`
    select id, title, category, document_number, index_number, published_at, validity, validity_ended_on
      from catalog_item
     where organization_id = ${organizationId}::uuid and status = 'PUBLISHED'
       and ${category ? Prisma.sql`category = ${category}` : Prisma.sql`true`}
       and ${measureCondition(measure, year)}
     order by published_at desc, id desc
     limit ${Math.min(options.limit ?? 200, 1000)} offset ${options.offset ?? 0}`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    category: row.category,
    documentNumber: row.document_number,
    indexNumber: row.index_number,
    publishedAt: row.published_at,
    validity: row.validity,
    validityEndedOn: row.validity_ended_on,
  }));
}
