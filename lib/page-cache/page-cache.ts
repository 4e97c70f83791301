// Published report pages as artifacts: rendered once by Next.js, kept in
// memory (and gzipped once), served to every later reader without touching
// React or the database — also while the database is down. A page leaves the
// cache when its report is published again (a correction), heard at once or
// found in the publication log after an outage — see publication-listener.ts.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";

export type CachedPage = {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  /** The renderer's own headers worth replaying (security headers, Link, content type). */
  headers: Array<[string, string]>;
};

/** Which page a request is for, or null when it must go to Next.js. */
export type PageKey = { path: string; organization: string; year: number; variant: string; latest: boolean };

const REPORT_PAGE = /^\/reports\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(\d{4})(\/revisions\/\d{1,6})?$/;

// Headers that describe one response on one connection, not the page.
const NOT_REPLAYED = new Set([
  "connection", "content-encoding", "content-length", "date", "keep-alive", "set-cookie",
  "transfer-encoding", "etag", "cache-control", "vary", "x-nextjs-cache", "x-nextjs-prerender",
  "x-nextjs-stale-time",
]);

export function pageKey(request: {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): PageKey | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = request.url ?? "";
  // Query strings (including Next's ?_rsc=) and client-side navigation
  // requests get Next.js's own answer.
  if (url.includes("?") || request.headers["rsc"] || request.headers["next-router-prefetch"]) return null;
  const match = REPORT_PAGE.exec(url);
  if (!match) return null;
  // The only per-reader difference on a public page is the 大字号 preference.
  const cookie = String(request.headers["cookie"] ?? "");
  const variant = /(?:^|;\s*)text-size=large(?:;|$)/.test(cookie) ? "large" : "normal";
  return { path: url, organization: match[1]!, year: Number(match[2]), variant, latest: !match[3] };
}

export function toCachedPage(body: Buffer, headers: Headers): CachedPage {
  const replayed: Array<[string, string]> = [];
  headers.forEach((value, name) => {
    if (!NOT_REPLAYED.has(name)) replayed.push([name, value]);
  });
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { body, gzip: gzipSync(body), etag, headers: replayed };
}

export class PageCache {
  private readonly pages: LRUCache<string, CachedPage>;
  // Bumped by every invalidation: a render that started before it may hold
  // the old revision and must not be stored.
  private generation = 0;
  /** Set once the instance has heard the publication log: from then on it can catch up after any outage. */
  private caughtUp = false;

  constructor(maxBytes = 256 * 1024 * 1024) {
    this.pages = new LRUCache({ maxSize: maxBytes, sizeCalculation: (page) => page.body.length + page.gzip.length });
  }

  /**
   * Caching starts with the first connection to the publication log and then
   * stays on: while the connection is down the cached pages keep being served
   * (the listener catches up on reconnecting).
   */
  setListening(listening: boolean) {
    if (listening) this.caughtUp = true;
  }

  get enabled() {
    return this.caughtUp;
  }

  get currentGeneration() {
    return this.generation;
  }

  get(key: PageKey): CachedPage | undefined {
    return this.caughtUp ? this.pages.get(storageKey(key)) : undefined;
  }

  /** Stores a render unless something was published since it began. */
  set(key: PageKey, page: CachedPage, renderedInGeneration: number) {
    if (!this.caughtUp || renderedInGeneration !== this.generation) return false;
    this.pages.set(storageKey(key), page);
    return true;
  }

  /** A report was published: its latest page and its revision pages (which link to the latest) go. */
  invalidateReport(organization: string, year: number) {
    this.generation += 1;
    const prefix = `/reports/${organization}/${year}`;
    for (const key of this.pages.keys()) {
      const path = key.slice(key.indexOf(" ") + 1);
      if (path === prefix || path.startsWith(`${prefix}/`)) this.pages.delete(key);
    }
  }

  invalidateAll() {
    this.generation += 1;
    this.pages.clear();
  }

  get size() {
    return this.pages.size;
  }
}

function storageKey(key: PageKey) {
  return `${key.variant} ${key.path}`;
}
