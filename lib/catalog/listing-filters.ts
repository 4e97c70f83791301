// What a catalog listing may be narrowed by, read from a URL's query string.
// Pure: shared by the pages, the open-data routes and the bench.
import { cleanQuery } from "@/lib/validation/plain-text";
import { findCategory } from "./categories";

export interface CatalogFilters {
  category?: string;
  year?: number;
  /** Words to find in titles and 文号. */
  q?: string;
  /** Where the previous page ended (keyset pagination). */
  after?: CatalogCursor;
}

export interface CatalogCursor {
  publishedAt: Date;
  id: string;
}

/** Search terms are cut at 50 characters: no query needs more, and none may cost more. */
export const MAX_QUERY_LENGTH = 50;

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseCatalogFilters(params: Params): CatalogFilters {
  const filters: CatalogFilters = {};
  const category = first(params.category);
  if (category && findCategory(category)) filters.category = category;
  const year = first(params.year);
  if (year && /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2200) filters.year = Number(year);
  const q = cleanQuery(first(params.q))?.trim().slice(0, MAX_QUERY_LENGTH);
  if (q) filters.q = q;
  const after = decodeCursor(first(params.after));
  if (after) filters.after = after;
  return filters;
}

export function encodeCursor(cursor: CatalogCursor): string {
  return `${cursor.publishedAt.getTime()}.${cursor.id}`;
}

export function decodeCursor(text: string | undefined): CatalogCursor | undefined {
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(text ?? "");
  return match ? { publishedAt: new Date(Number(match[1])), id: match[2]!.toLowerCase() } : undefined;
}

/** A query string for the same listing with some filters changed. */
export function catalogQueryString(filters: CatalogFilters, change: Partial<Record<keyof CatalogFilters, string | number | undefined>> = {}): string {
  const entries: [string, string | number | undefined][] = [
    ["q", filters.q],
    ["category", filters.category],
    ["year", filters.year],
    ["after", filters.after ? encodeCursor(filters.after) : undefined],
  ];
  const params = new URLSearchParams();
  for (const [key, value] of entries) {
    const next = key in change ? change[key as keyof CatalogFilters] : value;
    if (next !== undefined && next !== "") params.set(key, String(next));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** LIKE pattern for a substring, with the wildcards in the user's text taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
