import { expect, test, type Page } from "@playwright/test";

const REPORT_URL = "/reports/laian-leiguan/2023";

/**
 * The text of the value cell whose header cells (its `headers` attribute)
 * include all the given labels — what a screen reader announces with it.
 */
async function cellByHeaders(page: Page, ...labels: string[]): Promise<string> {
  const found = await page.evaluate((wanted) => {
    const matches = [...document.querySelectorAll("td[headers]")].filter((td) => {
      const names = (td.getAttribute("headers") ?? "")
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? "");
      return wanted.every((label) => names.includes(label));
    });
    return matches.map((td) => td.textContent?.trim() ?? "");
  }, labels);
  expect(found, `exactly one cell under ${labels.join(" / ")}`).toHaveLength(1);
  return found[0]!;
}

test("a citizen finds the 雷官镇 2023 report from the portal", async ({ page }) => {
  // (Browsing down the tree of regions to it: regions.spec.ts.)
  await page.goto("/");
  await page.getByLabel("单位名称").fill("雷官");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "2023年度" })).toBeVisible();
  await page.getByRole("link", { name: "来安县雷官镇人民政府2023年政府信息公开工作年度报告" }).click();
  await expect(page).toHaveURL(REPORT_URL);
  await expect(page).toHaveTitle(/来安县雷官镇人民政府2023年政府信息公开工作年度报告/);
});

test("the report shows the six headings in order, never “4、”", async ({ page }) => {
  await page.goto(REPORT_URL);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("来安县雷官镇人民政府2023年政府信息公开工作年度报告");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ]);
  await expect(page.getByText("4、")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 3, name: "（一）主动公开" })).toBeVisible();
  await expect(page.getByText("2023年我镇政务公开平台主动公布信息528条", { exact: false })).toBeVisible();
  const footer = page.locator("article footer");
  await expect(footer).toContainText("雷官镇人民政府");
  await expect(footer).toContainText("2023年1月24日");
});

test("table cells are read by their row and column headers", async ({ page }) => {
  await page.goto(REPORT_URL);
  expect(await cellByHeaders(page, "行政许可", "本年处理决定数量")).toBe("58");
  expect(await cellByHeaders(page, "行政处罚", "本年处理决定数量")).toBe("35");
  expect(await cellByHeaders(page, "行政强制", "本年处理决定数量")).toBe("10");
  expect(await cellByHeaders(page, "规章", "本年制发件数", "第二十条第（一）项")).toBe("0");
  expect(await cellByHeaders(page, "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "法人或其他组织", "商业企业")).toBe("0");
  expect(await cellByHeaders(page, "（七）总计", "自然人")).toBe("0");
  expect(await cellByHeaders(page, "行政诉讼", "复议后起诉", "尚未审结")).toBe("0");
  expect(await cellByHeaders(page, "行政复议", "总计")).toBe("0");
});

test("the tables carry the format's merged header cells", async ({ page }) => {
  await page.goto(REPORT_URL);
  const th = (name: string) => page.locator("th", { hasText: new RegExp(`^${name}$`) });
  await expect(page.locator("td", { hasText: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" })).toHaveCount(1);
  await expect(th("申请人情况")).toHaveAttribute("colspan", "7");
  await expect(th("法人或其他组织")).toHaveAttribute("colspan", "5");
  await expect(th("三、本年度办理结果")).toHaveAttribute("rowspan", "22");
  await expect(th("（三）不予公开")).toHaveAttribute("rowspan", "8");
  await expect(th("行政复议")).toHaveAttribute("colspan", "5");
  await expect(th("行政诉讼")).toHaveAttribute("colspan", "10");
  await expect(th("未经复议直接起诉")).toHaveAttribute("colspan", "5");
  await expect(th("复议后起诉")).toHaveAttribute("colspan", "5");
  await expect(th("信息内容")).toHaveCount(4);
});

test("the open-data JSON agrees with the page, cell by cell", async ({ page, request }) => {
  await page.goto(REPORT_URL);
  const response = await request.get(`${REPORT_URL}.json`);
  expect(response.ok()).toBe(true);
  const json = await response.json();
  expect(json).toMatchObject({
    schema: "nianbao.report/1",
    format: "2021",
    year: 2023,
    title: "来安县雷官镇人民政府2023年政府信息公开工作年度报告",
    organization: { name: "来安县雷官镇人民政府", parent: "来安县人民政府" },
    signedBy: "雷官镇人民政府",
    signedOn: "2023-01-24",
  });
  expect(json.tables.active.license.decisions).toBe(58);

  const pageCells = await page.$$eval("td[data-cell]", (tds) =>
    tds.map((td) => [td.getAttribute("data-cell")!, td.textContent!.trim()] as const),
  );
  expect(pageCells).toHaveLength(200);
  for (const [key, text] of pageCells) {
    const [table, row, column] = key.split(".");
    expect(String(json.tables[table!][row!][column!]), key).toBe(text);
  }
  expect(json.sections.overview.startsWith("（一）主动公开\n")).toBe(true);
  await expect(page.locator("article")).toContainText(json.sections.other);
});

test("drafts and unknown reports are not public", async ({ page, request }) => {
  // 新安镇 has an imported draft for 2023 that nobody has published.
  const response = await page.goto("/reports/laian-xinan/2023");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("未找到该页面");
  await expect(page.getByRole("link", { name: "返回政府信息公开年报首页" })).toBeVisible();
  expect((await request.get("/reports/laian-xinan/2023.json")).status()).toBe(404);
  expect((await request.get("/reports/laian-leiguan/1999")).status()).toBe(404);
  await page.goto("/search?q=%E6%96%B0%E5%AE%89");
  await expect(page.getByRole("link", { name: /新安镇/ })).toHaveCount(0);
  // Its county's page names it, without a link to a report it has not published.
  await page.goto("/regions/laian/2023");
  await expect(page.getByRole("row", { name: /来安县新安镇人民政府/ })).toContainText("未发布");
  await expect(page.getByRole("link", { name: /新安镇/ })).toHaveCount(0);
});
