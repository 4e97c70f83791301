// The public site's addresses for a government's region. One place builds
// them, so pages, links, the sitemap and the redirects from the old county
// addresses agree. Safe to import anywhere (no database).
import { z } from "zod";

const ZSlug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100);
const ZYear = z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(2008).max(2200));

/** /regions/<region>: the government's page, for the latest year with published reports. */
export const regionPath = (slug: string, year?: number) => (year === undefined ? `/regions/${slug}` : `/regions/${slug}/${year}`);

/** /regions/<region>/<year>/compare: the government's units side by side. */
export const comparePath = (slug: string, year: number) => `/regions/${slug}/${year}/compare`;

/** The comparison's figures as CSV: the page's address plus .csv, as for a report (next.config.mjs rewrites it). */
export const compareCsvPath = (slug: string, year: number) => `${comparePath(slug, year)}.csv`;

/** The search form limited to the region (app/search reads `region`). */
export const regionSearchPath = (slug: string) => `/search?region=${slug}`;

/** Validates a region segment; null means 404. */
export function parseRegionSlug(slug: string): string | null {
  const parsed = ZSlug.safeParse(slug);
  return parsed.success ? parsed.data : null;
}

/** Validates /regions/<region>/<year> segments; null means 404. */
export function parseRegionYear(params: { region: string; year: string }): { region: string; year: number } | null {
  const region = parseRegionSlug(params.region);
  const year = ZYear.safeParse(params.year);
  return region && year.success ? { region, year: year.data } : null;
}

/**
 * The answer to an address of the county-only portal (/counties/<county>/<year>
 * and its .csv): a permanent redirect (308) to where it lives now, its query
 * string (a sort order) kept. The Location is relative: the production server
 * asks Next.js for pages on its own loopback address (server.ts), which an
 * absolute one would leak.
 */
export function movedPermanently(request: Request, to: string): Response {
  const { search } = new URL(request.url);
  return new Response(null, { status: 308, headers: { Location: `${to}${search}` } });
}
