import { expect, test } from "@playwright/test";

test("the portal groups reports by year, county, and townships or departments", async ({ page }) => {
  await page.goto("/");
  const year = page.getByRole("region", { name: "2023年度" });
  await expect(year.getByRole("heading", { level: 3, name: "来安县人民政府" })).toBeVisible();
  // (Other counties have their own groups: the first is 来安县's.)
  await expect(year.getByRole("heading", { level: 4, name: "乡镇信息公开年度报告" }).first()).toBeVisible();
  await expect(year.getByRole("link", { name: "来安县雷官镇人民政府2023年政府信息公开工作年度报告" })).toBeVisible();
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

test("sitemap.xml lists every published report, and a page names its canonical address", async ({ page, request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
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
