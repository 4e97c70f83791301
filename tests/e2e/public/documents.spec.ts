// Public pages are documents: no script of any kind reaches the reader, the
// pages still work (links, 大字号, search, sorting), their canonical link is
// absolute, and the printed report fills its pages.
import { expect, test } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const PUBLIC_PAGES = [
  "/",
  "/reports/laian-leiguan/2023",
  "/reports/laian-leiguan/2023/revisions/1",
  "/search?q=%E9%9B%B7%E5%AE%98",
  "/units/laian-leiguan",
  "/regions/laian",
  "/regions/laian/2023",
  "/regions/laian/2023/compare",
  "/catalog",
  "/catalog/laian-leiguan",
];

test("public pages carry no script, no RSC payload and no script preloads, and forbid scripts by policy", async ({ request }) => {
  for (const path of PUBLIC_PAGES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    expect(html, path).not.toMatch(/<script\b/i);
    expect(html, path).not.toContain("__next_f");
    expect(html, path).not.toMatch(/rel="(?:modulepreload|preload)"[^>]*as="script"/);
    expect(response.headers()["content-security-policy"], path).toContain("script-src 'none'");
  }
});

test("a page that does not exist is a 404 a reader without script can read, and offers search", async ({ browser, request }) => {
  for (const path of ["/reports/laian-leiguan/1999", "/no-such-page"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    const html = await response.text();
    expect(html, path).not.toMatch(/<script\b/i);
    expect(html, path).toContain("未找到该页面");
  }
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/reports/laian-leiguan/1999");
  await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
  await page.getByLabel("单位名称").fill("雷官");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: /雷官镇/ }).first()).toBeVisible();
  await context.close();
});

test("staff pages keep their scripts", async ({ request }) => {
  const html = await (await request.get("/login")).text();
  expect(html).toMatch(/<script\b/i);
});

test("with JavaScript off, a reader gets around: links, search and 大字号 work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/\/search$/);
  await page.getByLabel("单位名称").fill("雷官");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: /雷官镇/ }).first()).toBeVisible();
  await page.goto("/reports/laian-leiguan/2023");
  await page.getByRole("link", { name: "大字号" }).click();
  await expect(page).toHaveURL(/\/reports\/laian-leiguan\/2023$/);
  await expect(page.locator("html")).toHaveClass(/text-large/);
  await context.close();
});

test("the canonical link is an absolute URL", async ({ page }) => {
  await page.goto("/reports/laian-leiguan/2023");
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical).toMatch(/^https?:\/\/[^/]+\/reports\/laian-leiguan\/2023$/);
});

test("robots.txt (public/) names the sitemap by its full address; it and the icons are cached and linked", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.headers()["cache-control"]).toMatch(/max-age=\d{5,}/);
  const robots = await response.text();
  expect(robots).toMatch(/^Sitemap: https?:\/\/[^/\s]+\/sitemap\.xml$/m);
  expect(robots).toMatch(/^Disallow: \/workspace$/m);
  for (const [path, type] of [["/icon.svg", "image/svg+xml"], ["/favicon.ico", "image/x-icon"], ["/apple-touch-icon.png", "image/png"]]) {
    const icon = await request.get(path!);
    expect(icon.status(), path).toBe(200);
    expect(icon.headers()["content-type"], path).toContain(type);
    expect(icon.headers()["cache-control"], path).toMatch(/max-age=\d{6,}/);
  }
  const head = (await (await request.get("/reports/laian-leiguan/2023")).text()).split("</head>")[0]!;
  expect(head).toMatch(/<link rel="icon" href="\/favicon\.ico" sizes="32x32"\/?>/);
  expect(head).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon\.png"\/?>/);
});

/** The lowest line of text on each page, as a share of the page's printable height (the footer's page number left out). */
async function pageFill(pdf: Buffer): Promise<{ fill: number; text: string }[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: { fill: number; text: string }[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const height = page.view[3]!;
    const margin = (25 / 25.4) * 72; // the 25 mm of @page
    // The footer lies in the bottom margin: what is above it is the page's content.
    const items = (await page.getTextContent()).items.filter(
      (item) => "str" in item && item.str.trim() && (item.transform[5] as number) > margin,
    );
    const lowest = Math.min(...items.map((item) => ("transform" in item ? (item.transform[5] as number) : height)));
    pages.push({ fill: (height - margin - lowest) / (height - 2 * margin), text: items.map((item) => ("str" in item ? item.str : "")).join("") });
  }
  return pages;
}

test("the printed report has no empty pages, repeats table headers and numbers its pages", async ({ page }) => {
  await page.goto("/reports/laian-leiguan/2023");
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const pages = await pageFill(pdf);
  expect(pages.length).toBeGreaterThan(2);
  for (const [index, { fill }] of pages.slice(0, -1).entries()) {
    expect(fill, `page ${index + 1} of ${pages.length} is ${Math.round(fill * 100)}% filled`).toBeGreaterThan(0.5);
  }
  // Table 三 runs over a page: its header rows start the next page again.
  const continued = pages.filter(({ text }) => text.startsWith("（本列数据的勾稽关系为"));
  expect(continued.length).toBeGreaterThan(0);
  const numbers = await getDocument({ data: new Uint8Array(pdf) }).promise.then(async (document) => {
    const first = await document.getPage(1);
    return (await first.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
  });
  // (页 may come out of the PDF as the look-alike radical ⻚.)
  expect(numbers).toMatch(new RegExp(`第 1 [页⻚] 共 ${pages.length} [页⻚]`));
});
