// What anyone may read: published items only, newest first, a bounded page
// at a time (keyset pagination on 发布日期 and id, so page 500 costs what page
// 1 does). Every query here uses the indexes of the catalog migration.
import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
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
  prisma: PrismaClient = db(),
): Promise<CatalogPage> {
  const limit = Math.min(options.limit ?? PAGE_SIZE, 1000);
  const conditions: Prisma.Sql[] = [Prisma.sql`i.status = 'PUBLISHED'`];
  if (organizationId) conditions.push(Prisma.sql`i.organization_id = ${organizationId}::uuid`);
  if (filters.category) conditions.push(Prisma.sql`i.category = ${filters.category}`);
  if (filters.year) {
    const { start, end } = yearRangeInChina(filters.year);
    conditions.push(Prisma.sql`i.published_at >= ${start} and i.published_at < ${end}`);
  }
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(Prisma.sql`(i.title ilike ${pattern} or i.document_number ilike ${pattern})`);
  }
  if (filters.after) {
    conditions.push(Prisma.sql`(i.published_at, i.id) < (${filters.after.publishedAt}, ${filters.after.id}::uuid)`);
  }
  const rows = await prisma.$queryRaw<
    {
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
    }[]
  >`
    select i.id, i.title, i.category, i.document_number, i.index_number, i.issuer, i.subject, i.written_on,
           i.published_at, i.validity, i.validity_ended_on, o.slug, o.name
      from catalog_item i join organization o on o.id = i.organization_id
     where ${Prisma.join(conditions, " and ")}
     order by i.published_at desc, i.id desc
     limit ${limit + 1}`;
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
  return { items, next: rows.length > limit && last ? { publishedAt: last.publishedAt, id: last.id } : null };
}

/** One published item with what its page shows; null when there is none (or it is not public). */
export async function getPublishedItem(organizationSlug: string, itemId: string, prisma: PrismaClient = db()) {
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

/** The units whose catalogs may be browsed, under their county. */
export async function listCatalogUnits(prisma: PrismaClient = db()) {
  const organizations = await prisma.organization.findMany({
    select: { id: true, slug: true, name: true, shortName: true, kind: true, parentId: true },
    orderBy: [{ kind: "asc" }, { slug: "asc" }],
  });
  const counties = organizations.filter((o) => o.kind === "COUNTY_GOVERNMENT");
  return counties.map((county) => ({
    county,
    units: organizations.filter((o) => o.parentId === county.id),
  }));
}

export async function getCatalogOrganization(slug: string, prisma: PrismaClient = db()) {
  return prisma.organization.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, shortName: true } });
}
