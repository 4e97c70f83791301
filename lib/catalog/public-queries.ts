// What anyone may read: published items only, newest first, a bounded page
// at a time (keyset pagination on 发布日期 and id, so page 500 costs what page
// 1 does). Every query here uses the indexes of the catalog migration.
import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/client";
import { isGovernment } from "@/lib/organizations/tree";
import { yearRangeInChina } from "./china-time";
import { likePattern, type CatalogCursor, type CatalogFilters } from "./listing-filters";

export const PAGE_SIZE = 20;

export interface CatalogListItem {
  id: string;
  title: string;
  category: string;
  documentNumber: string;
  indexNumber: string;
  issuer: string;
  subject: string;
  writtenOn: Date | null;
  publishedAt: Date;
  validity: "VALID" | "REPEALED" | "EXPIRED";
  validityEndedOn: Date | null;
  organizationSlug: string;
  organizationName: string;
}

export interface CatalogPage {
  items: CatalogListItem[];
  /** Where the next page starts; null on the last page. */
  next: CatalogCursor | null;
  /** Set when a short search across units looked only at the newest items (see searchAcross). */
  partial?: boolean;
}

/**
 * Published items of one organization (or of all, when organizationId is
 * null), filtered and searched. Search is a substring match on titles and 文号
 * served by the trigram indexes; within one unit the unit's own index bounds
 * it whatever the term.
 */
export async function listPublishedItems(
  organizationId: string | null,
  filters: CatalogFilters,
  options: { limit?: number } = {},
  prisma: PrismaClient = readDb(),
): Promise<CatalogPage> {
  const limit = Math.min(options.limit ?? PAGE_SIZE, 1000);
  const conditions: Prisma.Sql[] = [Prisma.sql`i.status = 'PUBLISHED'`];
  if (organizationId) conditions.push(Prisma.sql`i.organization_id = ${organizationId}::uuid`);
  if (filters.category) conditions.push(Prisma.sql`i.category = ${filters.category}`);
  if (filters.year) {
    const { start, end } = yearRangeInChina(filters.year);
    conditions.push(Prisma.sql`i.published_at >= ${start} and i.published_at < ${end}`);
  }
  if (filters.after) {
    conditions.push(Prisma.sql`(i.published_at, i.id) < (${filters.after.publishedAt}, ${filters.after.id}::uuid)`);
  }
  const search = filters.q
    ? Prisma.sql`(i.title ilike ${likePattern(filters.q)} or i.document_number ilike ${likePattern(filters.q)})`
    : null;
  const { rows, partial } = search
    ? await searchAcross(prisma, conditions, search, limit, { unitScoped: organizationId !== null, trigrams: filters.q!.length >= 3 })
    : { rows: await selectPage(prisma, Prisma.sql`catalog_item`, conditions, limit), partial: false };
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    title: row.title,
    category: row.category,
    documentNumber: row.document_number,
    indexNumber: row.index_number,
    issuer: row.issuer,
    subject: row.subject,
    writtenOn: row.written_on,
    publishedAt: row.published_at,
    validity: row.validity,
    validityEndedOn: row.validity_ended_on,
    organizationSlug: row.slug,
    organizationName: row.name,
  }));
  const last = items.at(-1);
  return {
    items,
    next: rows.length > limit && last ? { publishedAt: last.publishedAt, id: last.id } : null,
    ...(partial ? { partial } : {}),
  };
}

/** One published item with what its page shows; null when there is none (or it is not public). */
export async function getPublishedItem(organizationSlug: string, itemId: string, prisma: PrismaClient = readDb()) {
  const item = await prisma.catalogItem.findFirst({
    where: { id: itemId, status: "PUBLISHED", organization: { slug: organizationSlug } },
    select: {
      id: true,
      title: true,
      body: true,
      category: true,
      subject: true,
      documentNumber: true,
      issuer: true,
      writtenOn: true,
      publishedAt: true,
      validity: true,
      validityEndedOn: true,
      disclosure: true,
      indexNumber: true,
      organization: { select: { slug: true, name: true, shortName: true } },
      attachments: { select: { id: true, fileName: true, extension: true, size: true }, orderBy: { createdAt: "asc" } },
    },
  });
  return item && item.publishedAt && item.indexNumber ? { ...item, publishedAt: item.publishedAt, indexNumber: item.indexNumber } : null;
}
export type PublishedItem = NonNullable<Awaited<ReturnType<typeof getPublishedItem>>>;

/** The units whose catalogs may be browsed: each government (of any level), with its departments and townships. */
export async function listCatalogUnits(prisma: PrismaClient = readDb()) {
  const organizations = await prisma.organization.findMany({
    select: { id: true, slug: true, name: true, shortName: true, kind: true, parentId: true },
    orderBy: [{ kind: "asc" }, { slug: "asc" }],
  });
  const own = new Map<string, typeof organizations>();
  for (const unit of organizations) {
    if (isGovernment(unit.kind) || !unit.parentId) continue;
    own.set(unit.parentId, [...(own.get(unit.parentId) ?? []), unit]);
  }
  return organizations
    .filter((o) => isGovernment(o.kind))
    .map((government) => ({ government, units: own.get(government.id) ?? [] }));
}

export async function getCatalogOrganization(slug: string, prisma: PrismaClient = readDb()) {
  return prisma.organization.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, shortName: true } });
}

type Row = {
  id: string;
  title: string;
  category: string;
  document_number: string;
  index_number: string;
  issuer: string;
  subject: string;
  written_on: Date | null;
  published_at: Date;
  validity: CatalogListItem["validity"];
  validity_ended_on: Date | null;
  slug: string;
  name: string;
};

/** One page, newest first, from `source` (the table, or a narrower set of its rows). */
function selectPage(prisma: PrismaClient, source: Prisma.Sql, conditions: Prisma.Sql[], limit: number) {
  return prisma.$queryRaw<Row[]>`
    select i.id, i.title, i.category, i.document_number, i.index_number, i.issuer, i.subject, i.written_on,
           i.published_at, i.validity, i.validity_ended_on, o.slug, o.name
      from ${source} i join organization o on o.id = i.organization_id
     where ${Prisma.join(conditions, " and ")}
     order by i.published_at desc, i.id desc
     limit ${limit + 1}`;
}

/** How many of the newest items a search across units reads before it turns to the trigram index. */
const RECENT_WINDOW = 5000;

/**
 * Search, planned by hand because PostgreSQL cannot estimate how common a
 * Chinese substring is. A common word is found fastest by walking the newest
 * items (the btree on 发布日期) until a page is full; a rare one by the trigram
 * index, which reads only the matches. So: read the newest RECENT_WINDOW
 * items first — if they hold a full page, it is exactly the page (every other
 * match is older) — and otherwise collect all matches through the trigram
 * index (few, since the window held fewer than a page). Within one unit the
 * unit's own index bounds the work whatever the term. Terms shorter than three
 * characters have no trigram: across units a rare one would mean reading
 * every item of the year (about 200 ms at county scale, measured), so such a
 * search answers from the newest items only and says so (`partial`).
 */
async function searchAcross(
  prisma: PrismaClient,
  conditions: Prisma.Sql[],
  search: Prisma.Sql,
  limit: number,
  how: { unitScoped: boolean; trigrams: boolean },
): Promise<{ rows: Row[]; partial: boolean }> {
  const withSearch = [...conditions, search];
  if (how.unitScoped) return { rows: await selectPage(prisma, Prisma.sql`catalog_item`, withSearch, limit), partial: false };
  const recent = Prisma.sql`(select * from catalog_item i where ${Prisma.join(conditions, " and ")}
                              order by i.published_at desc, i.id desc limit ${RECENT_WINDOW})`;
  const fromRecent = await selectPage(prisma, recent, withSearch, limit);
  if (fromRecent.length > limit || !how.trigrams) return { rows: fromRecent, partial: fromRecent.length <= limit && !how.trigrams };
  const matches = Prisma.sql`(select * from catalog_item i where i.id in (
                               select id from (select i.id from catalog_item i where ${search} offset 0) m))`;
  return { rows: await selectPage(prisma, matches, withSearch, limit), partial: false };
}
