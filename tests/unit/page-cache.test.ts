import { describe, expect, it } from "vitest";
import { PageCache, pageKey, toCachedPage } from "@/lib/page-cache/page-cache";
import { parsePublicationEvent } from "@/lib/page-cache/publication-channel";

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });
const page = (text: string) => toCachedPage(Buffer.from(text), new Headers({ "content-type": "text/html", "set-cookie": "x=1" }));

describe("pageKey", () => {
  it("takes published report pages and their revisions", () => {
    expect(pageKey(get("/reports/laian-leiguan/2023"))).toEqual({
      path: "/reports/laian-leiguan/2023", organization: "laian-leiguan", year: 2023, variant: "normal", latest: true,
    });
    expect(pageKey(get("/reports/laian-leiguan/2023/revisions/2"))).toMatchObject({ year: 2023, latest: false });
  });

  it("keys the 大字号 preference, the only per-reader difference", () => {
    expect(pageKey(get("/reports/a/2023", { cookie: "x=1; text-size=large" }))?.variant).toBe("large");
    expect(pageKey(get("/reports/a/2023", { cookie: "text-size=largest" }))?.variant).toBe("normal");
  });

  it("leaves everything else to Next.js", () => {
    for (const url of ["/", "/reports/a/2023.json", "/reports/a/2023?x=1", "/reports/A/2023", "/reports/a/23", "/reports/a/2023/"]) {
      expect(pageKey(get(url)), url).toBeNull();
    }
    expect(pageKey({ method: "POST", url: "/reports/a/2023", headers: {} })).toBeNull();
    expect(pageKey(get("/reports/a/2023", { rsc: "1" }))).toBeNull();
    expect(pageKey(get("/reports/a/2023", { "next-router-prefetch": "1" }))).toBeNull();
  });
});

describe("toCachedPage", () => {
  it("keeps the page's headers but not the connection's, and validates by content", () => {
    const a = page("<p>一</p>");
    expect(a.headers).toEqual([["content-type", "text/html"]]);
    expect(a.etag).toMatch(/^"[\w-]{27}"$/);
    expect(page("<p>一</p>").etag).toBe(a.etag);
    expect(page("<p>二</p>").etag).not.toBe(a.etag);
  });
});

describe("PageCache", () => {
  const key = (path: string, variant = "normal") => pageKey(get(path, variant === "large" ? { cookie: "text-size=large" } : {}))!;

  it("stores nothing until the publication log has been heard, then keeps serving while it cannot be", () => {
    const cache = new PageCache();
    expect(cache.set(key("/reports/a/2023"), page("x"), cache.currentGeneration)).toBe(false);
    cache.setListening(true);
    expect(cache.set(key("/reports/a/2023"), page("x"), cache.currentGeneration)).toBe(true);
    expect(cache.get(key("/reports/a/2023"))).toBeDefined();
    // The database (or the LISTEN connection) goes away: readers still get the published page.
    cache.setListening(false);
    expect(cache.get(key("/reports/a/2023"))).toBeDefined();
    expect(cache.set(key("/reports/b/2023"), page("y"), cache.currentGeneration)).toBe(true);
    // Back: only what the log says was published meanwhile is forgotten.
    cache.setListening(true);
    cache.invalidateReport("b", 2023);
    expect(cache.get(key("/reports/a/2023"))).toBeDefined();
    expect(cache.get(key("/reports/b/2023"))).toBeUndefined();
  });

  it("drops a published report's pages, both variants and its revisions, and nothing else", () => {
    const cache = new PageCache();
    cache.setListening(true);
    for (const path of ["/reports/a/2023", "/reports/a/2023/revisions/1", "/reports/a/2022", "/reports/ab/2023"]) {
      cache.set(key(path), page(path), cache.currentGeneration);
    }
    cache.set(key("/reports/a/2023", "large"), page("large"), cache.currentGeneration);
    cache.invalidateReport("a", 2023);
    expect(cache.get(key("/reports/a/2023"))).toBeUndefined();
    expect(cache.get(key("/reports/a/2023", "large"))).toBeUndefined();
    expect(cache.get(key("/reports/a/2023/revisions/1"))).toBeUndefined();
    expect(cache.get(key("/reports/a/2022"))).toBeDefined();
    expect(cache.get(key("/reports/ab/2023"))).toBeDefined();
  });

  it("refuses a render that began before a publication (it may show the old revision)", () => {
    const cache = new PageCache();
    cache.setListening(true);
    const began = cache.currentGeneration;
    cache.invalidateReport("a", 2023);
    expect(cache.set(key("/reports/a/2023"), page("old"), began)).toBe(false);
    expect(cache.get(key("/reports/a/2023"))).toBeUndefined();
  });

  it("stays within its byte budget", () => {
    const cache = new PageCache(3_000);
    cache.setListening(true);
    for (let year = 2010; year < 2030; year++) {
      cache.set(key(`/reports/a/${year}`), page("x".repeat(500)), cache.currentGeneration);
    }
    expect(cache.size).toBeLessThan(20);
    expect(cache.get(key("/reports/a/2029"))).toBeDefined();
  });
});

describe("parsePublicationEvent", () => {
  it("reads our payloads and ignores anything else", () => {
    expect(parsePublicationEvent('{"organization":"a","year":2023}')).toEqual({ organization: "a", year: 2023 });
    expect(parsePublicationEvent('{"organization":"a","year":2023,"seq":7}')).toEqual({ organization: "a", year: 2023, seq: 7 });
    expect(parsePublicationEvent("not json")).toBeNull();
    expect(parsePublicationEvent('{"organization":1}')).toBeNull();
    expect(parsePublicationEvent(undefined)).toBeNull();
  });
});
