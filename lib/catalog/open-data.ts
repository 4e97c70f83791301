// A unit's catalog index as open data (JSON "nianbao.catalog/1" and CSV),
// with stable keys beside the Chinese labels. Read a page at a time with the
// public listing, so it costs what browsing does.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/client";
import { csvLine } from "@/lib/exports/csv";
import { findCategory, validityLabel } from "./categories";
import { dateInChina } from "./china-time";
import type { CatalogFilters } from "./listing-filters";
import { listPublishedItems, type CatalogListItem } from "./public-queries";

/** More than any unit publishes in years; a bound all the same. */
export const MAX_OPEN_DATA_ITEMS = 50_000;

export interface OpenDataItem {
  indexNumber: string;
  title: string;
  category: string;
  categoryLabel: string;
  article: string;
  documentNumber: string;
  issuer: string;
  subject: string;
  writtenOn: string | null;
  publishedOn: string;
  validity: string;
  validityLabel: string;
  validityEndedOn: string | null;
  url: string;
}

function toOpenData(item: CatalogListItem): OpenDataItem {
  const category = findCategory(item.category);
  return {
    indexNumber: item.indexNumber,
    title: item.title,
    category: item.category,
    categoryLabel: category?.label ?? item.category,
    article: category?.article ?? "",
    documentNumber: item.documentNumber,
    issuer: item.issuer,
    subject: item.subject,
    writtenOn: item.writtenOn?.toISOString().slice(0, 10) ?? null,
    publishedOn: dateInChina(item.publishedAt),
    validity: item.validity,
    validityLabel: validityLabel[item.validity],
    validityEndedOn: item.validityEndedOn?.toISOString().slice(0, 10) ?? null,
    url: `/catalog/${item.organizationSlug}/${item.id}`,
  };
}

/**
 * A validator of a unit's public catalog: it changes whenever an item is
 * published or its 有效性 changes (both touch updated_at). One index-backed
 * aggregate, so a client or proxy revalidating gets 304 without the listing.
 */
export async function catalogVersion(organizationId: string, prisma: PrismaClient = readDb()): Promise<string> {
  const [row] = await prisma.$queryRaw<{ changed: Date | null; items: bigint }[]>`
    select max(updated_at) as changed, count(*) as items
      from catalog_item where organization_id = ${organizationId}::uuid and status = 'PUBLISHED'`;
  return `catalog-${row?.changed?.getTime() ?? 0}-${row?.items ?? 0}`;
}

export async function catalogOpenData(organizationId: string, filters: Omit<CatalogFilters, "after" | "q">, prisma: PrismaClient = readDb()) {
  const items: OpenDataItem[] = [];
  let after: CatalogFilters["after"];
  do {
    const page = await listPublishedItems(organizationId, { ...filters, ...(after ? { after } : {}) }, { limit: 1000 }, prisma);
    items.push(...page.items.map(toOpenData));
    after = page.next ?? undefined;
  } while (after && items.length < MAX_OPEN_DATA_ITEMS);
  return { items, truncated: after !== undefined };
}

const CSV_COLUMNS: [keyof OpenDataItem, string][] = [
  ["indexNumber", "索引号"],
  ["title", "标题"],
  ["category", "类别代码"],
  ["categoryLabel", "信息类别"],
  ["article", "条例条款"],
  ["documentNumber", "文号"],
  ["issuer", "发布机构"],
  ["subject", "主题分类"],
  ["writtenOn", "成文日期"],
  ["publishedOn", "发布日期"],
  ["validity", "有效性代码"],
  ["validityLabel", "有效性"],
  ["validityEndedOn", "废止或失效日期"],
  ["url", "链接"],
];

/** Two header lines: Chinese labels for people, keys for programs. */
export function catalogCsv(items: readonly OpenDataItem[]): string {
  const lines = [CSV_COLUMNS.map(([, label]) => label), CSV_COLUMNS.map(([key]) => key), ...items.map((item) => CSV_COLUMNS.map(([key]) => item[key]))];
  return `\uFEFF${lines.map(csvLine).join("\r\n")}\r\n`;
}
