// A published report page is an artifact: rendered once, then served with
// validators and Cache-Control that a browser, nginx or a CDN can honour.
import { expect, test } from "@playwright/test";

const PAGE = "/reports/laian-leiguan/2023";

test("a published page is served from the cache with an ETag, 304 when unchanged, gzip when asked", async ({ request }) => {
  await request.get(PAGE);
  const plain = await request.get(PAGE, { headers: { "accept-encoding": "identity" } });
  expect(plain.headers()["x-nianbao-cache"]).toBe("HIT");
  expect(plain.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=5");
  expect(plain.headers()["vary"]).toBe("Accept-Encoding, Cookie");
  const etag = plain.headers()["etag"]!;
  expect(etag).toMatch(/^"[\w-]+"$/);
  const html = await plain.text();
  expect(html).toContain("雷官镇");

  const again = await request.get(PAGE, { headers: { "accept-encoding": "identity", "if-none-match": etag } });
  expect(again.status()).toBe(304);

  // Compressed once when cached; fetch decodes it back to the same page.
  const gzipped = await fetch(new URL(PAGE, test.info().project.use.baseURL).toString(), {
    headers: { "accept-encoding": "gzip" },
  });
  expect(gzipped.headers.get("content-encoding")).toBe("gzip");
  expect(gzipped.headers.get("etag")).not.toBe(etag);
  expect(await gzipped.text()).toBe(html);
});

test("the 大字号 preference gets its own copy, and sign-in pages are never cached", async ({ request }) => {
  const large = await request.get(PAGE, { headers: { cookie: "text-size=large" } });
  expect(await large.text()).toContain('class="text-large"');
  const normal = await request.get(PAGE);
  expect(await normal.text()).not.toContain('class="text-large"');
  const login = await request.get("/login");
  expect(login.headers()["x-nianbao-cache"]).toBeUndefined();
  const missing = await request.get("/reports/laian-leiguan/2099");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["x-nianbao-cache"]).toBeUndefined();
});
