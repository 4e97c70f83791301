import { expect, test } from "@playwright/test";

test("with more than one county, the home page shows the top of the tree, each government a way down", async ({ page }) => {
  await page.goto("/");
  const regions = page.getByRole("region", { name: "按地区浏览" });
  await expect(regions.getByRole("heading", { level: 3 }).first()).toBeVisible();
  // No flat list of every unit's reports: a province's would run to thousands.
  await expect(page.getByRole("link", { name: "来安县雷官镇人民政府2023年政府信息公开工作年度报告" })).toHaveCount(0);
  await regions.getByRole("heading", { level: 3 }).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/regions\/[a-z0-9-]+$/);
});

test("search results group reports by year, government, and townships or departments", async ({ page }) => {
  await page.goto("/search?q=%E6%9D%A5%E5%AE%89%E5%8E%BF&year=2023");
  const year = page.getByRole("region", { name: "2023年度" });
  await expect(year.getByRole("heading", { level: 3, name: "来安县人民政府" })).toBeVisible();
  await expect(year.getByRole("heading", { level: 4, name: "乡镇信息公开年度报告" }).first()).toBeVisible();
  await expect(year.getByRole("link", { name: "来安县雷官镇人民政府2023年政府信息公开工作年度报告" })).toBeVisible();
  await expect(year.getByRole("link", { name: "来安县人民政府2023年度各单位对比" })).toHaveAttribute("href", "/regions/laian/2023/compare");
});

test("a citizen searches by unit name and year", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("单位名称").fill("雷官");
  await page.getByLabel("年度", { exact: true }).fill("2023");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=%E9%9B%B7%E5%AE%98&year=2023/);
  await expect(page.getByText("找到 1 份年度报告。")).toBeVisible();
  await page.getByLabel("年度", { exact: true }).fill("2021");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByText("找到 0 份年度报告。")).toBeVisible();
  await expect(page).toHaveTitle(/搜索年度报告/);
});

test("sitemap.xml lists every government's page and every published report, and a page names its canonical address", async ({ page, request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/regions/laian</loc>");
  expect(sitemap).toContain("/reports/laian-leiguan/2023</loc>");
  expect(sitemap).not.toContain("laian-xinan");
  await page.goto("/reports/laian-leiguan/2023");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/reports\/laian-leiguan\/2023$/);
});

test("the 404 page helps: a search form and the way home", async ({ page }) => {
  const response = await page.goto("/reports/laian-leiguan/1999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("search")).toBeVisible();
  await expect(page.getByRole("link", { name: "返回政府信息公开年报首页" })).toBeVisible();
});
