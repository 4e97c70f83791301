// The public site by region, on the demo's tree: 安徽省人民政府 (anhui) →
// 滁州市人民政府 (chuzhou) → 来安县人民政府 (laian) and 全椒县人民政府
// (quanjiao), 来安县's townships among them 雷官镇 (laian-leiguan), whose 2023
// report is published. Every page works without script.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const breadcrumbs = (page: Page) => page.getByRole("navigation", { name: "当前位置" });

test("a citizen browses 安徽省 → 滁州市 → 来安县 → 雷官镇 and opens its published 2023 report", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: "安徽省人民政府", exact: true }).click();
  await expect(page).toHaveURL(/\/regions\/anhui$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("安徽省人民政府");
  await expect(breadcrumbs(page).getByRole("link")).toHaveText(["首页"]);

  await page.getByRole("link", { name: "滁州市人民政府", exact: true }).click();
  await expect(page).toHaveURL(/\/regions\/chuzhou$/);
  // The counties below, each with its units and published reports for the year.
  const counties = page.getByRole("table", { name: /滁州市人民政府下辖县级人民政府\d{4}年度报告发布情况/ });
  await expect(counties.getByRole("rowheader")).toContainText(["来安县人民政府", "全椒县人民政府"]);
  await expect(counties.getByRole("columnheader", { name: "单位数" })).toBeVisible();

  await counties.getByRole("link", { name: "来安县人民政府" }).click();
  await expect(page).toHaveURL(/\/regions\/laian$/);
  await expect(breadcrumbs(page).getByRole("link")).toHaveText(["首页", "安徽省人民政府", "滁州市人民政府"]);
  await expect(breadcrumbs(page).getByText("来安县人民政府")).toHaveAttribute("aria-current", "page");

  await page.getByRole("navigation", { name: "年度" }).getByRole("link", { name: "2023年度" }).click();
  await expect(page).toHaveURL(/\/regions\/laian\/2023$/);
  const townships = page.getByRole("table", { name: "乡镇信息公开年度报告（2023年度）" });
  await expect(townships.getByRole("row", { name: /来安县雷官镇人民政府/ })).toContainText("2024年1月24日发布");
  await townships.getByRole("link", { name: "来安县雷官镇人民政府" }).click();
  await expect(page).toHaveURL(/\/reports\/laian-leiguan\/2023$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("来安县雷官镇人民政府2023年政府信息公开工作年度报告");
  // And back up the tree from the report.
  await expect(breadcrumbs(page).getByRole("link")).toHaveText(["首页", "安徽省人民政府", "滁州市人民政府", "来安县人民政府"]);
  await breadcrumbs(page).getByRole("link", { name: "来安县人民政府" }).click();
  await expect(page).toHaveURL(/\/regions\/laian$/);
  await context.close();
});

test("a city's units side by side: the city, its counties and its departments, never a township; with its CSV", async ({ page, request }) => {
  await page.goto("/regions/chuzhou");
  await page.getByRole("navigation", { name: "年度" }).getByRole("link", { name: "2024年度" }).click();
  await page.getByRole("link", { name: "滁州市人民政府2024年度各单位对比" }).click();
  await expect(page).toHaveURL(/\/regions\/chuzhou\/2024\/compare$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("滁州市人民政府2024年度各单位政府信息公开情况对比");
  await expect(breadcrumbs(page).getByRole("link")).toHaveText(["首页", "安徽省人民政府", "滁州市人民政府"]);
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader", { name: "来安县" })).toBeVisible();
  // 来安县's townships are compared on 来安县's page, not the city's.
  await expect(table.getByRole("rowheader", { name: /镇$/ })).toHaveCount(0);
  await table.getByRole("link", { name: "行政许可" }).click();
  await expect(page.getByRole("columnheader", { name: "行政许可" })).toHaveAttribute("aria-sort", "descending");

  const csv = await request.get("/regions/chuzhou/2024/compare.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines.some((line) => line.startsWith("来安县人民政府,,2024,active,"))).toBe(true);
  expect(lines.some((line) => /^来安县\S*镇人民政府,/.test(line))).toBe(false);
});

test("the old /counties/laian/2023 address lands on the new comparison page, and its CSV on the new CSV", async ({ page, request }) => {
  const moved = await request.get("/counties/laian/2023?sort=0&dir=asc", { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers()["location"]).toBe("/regions/laian/2023/compare?sort=0&dir=asc");

  await page.goto("/counties/laian/2023");
  await expect(page).toHaveURL(/\/regions\/laian\/2023\/compare$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("来安县人民政府2023年度各单位政府信息公开情况对比");
  await expect(page.getByRole("table").getByRole("rowheader", { name: "雷官镇" })).toBeVisible();

  const csv = await request.get("/counties/laian/2023.csv", { maxRedirects: 0 });
  expect(csv.status()).toBe(308);
  expect(csv.headers()["location"]).toBe("/regions/laian/2023/compare.csv");
  const followed = await request.get("/counties/laian/2023.csv");
  expect(followed.url()).toMatch(/\/regions\/laian\/2023\/compare\.csv$/);
  expect(await followed.text()).toContain("来安县雷官镇人民政府,,2023,active,二、主动公开政府信息情况,license,行政许可,decisions,本年处理决定数量,58");
});

test("search is limited to a region by a plain form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/search");
  await page.getByLabel("单位名称").fill("雷官");
  await page.getByLabel("地区").selectOption("quanjiao");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/[?&]region=quanjiao/);
  await expect(page.getByText("在全椒县人民政府范围内找到 0 份年度报告。")).toBeVisible();
  await page.getByLabel("地区").selectOption("chuzhou");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByText(/^在滁州市人民政府范围内找到 [1-9]\d* 份年度报告。$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "来安县雷官镇人民政府2023年政府信息公开工作年度报告" })).toBeVisible();
  // From a region's page, a search starts in that region.
  await page.goto("/regions/laian");
  await page.getByRole("link", { name: "在本地区搜索" }).click();
  await expect(page.getByLabel("地区")).toHaveValue("laian");
  await context.close();
});

test("region pages read on a 360 px phone and print without the site's navigation", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/regions/anhui", "/regions/chuzhou", "/regions/laian/2023", "/regions/laian/2023/compare"]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
  }
  await page.goto("/regions/laian/2023");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header").first()).toBeHidden();
  await expect(page.getByRole("navigation", { name: "年度" })).toBeHidden();
  await expect(breadcrumbs(page)).toBeVisible();
  expect(await page.locator(".data-table thead").first().evaluate((el) => getComputedStyle(el).display)).toBe("table-header-group");
  // A report prints as the official document alone.
  await page.goto("/reports/laian-leiguan/2023");
  await expect(breadcrumbs(page)).toBeHidden();
});

test("no serious or critical accessibility violation on the pages of a province and a city", async ({ page }) => {
  for (const path of ["/regions/anhui", "/regions/chuzhou", "/regions/chuzhou/2024/compare"]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
