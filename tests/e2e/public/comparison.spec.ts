import { expect, test } from "@playwright/test";

test("a unit across years: a chart and its data table for each figure", async ({ page }) => {
  await page.goto("/reports/laian-leiguan/2023");
  await page.getByRole("link", { name: "历年对比" }).click();
  await expect(page).toHaveURL(/\/units\/laian-leiguan$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("来安县雷官镇人民政府历年政府信息公开情况");
  const figures = page.getByRole("figure");
  await expect(figures).toHaveCount(4);
  const actions = page.getByRole("figure", { name: "行政许可、行政处罚、行政强制" });
  await expect(actions.locator("svg").first()).toBeVisible();
  const table = actions.getByRole("table");
  await expect(table.getByRole("row", { name: /行政许可/ })).toContainText("58");
  await expect(table.getByRole("row", { name: /行政处罚/ })).toContainText("35");
  await expect(table.getByRole("columnheader", { name: "2023年" })).toBeVisible();
  const outcomes = page.getByRole("figure", { name: "申请办理结果" }).getByRole("table");
  await expect(outcomes.getByRole("rowheader")).toHaveText([
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
  ]);
});

test("a county's units side by side, sortable without script, with a CSV of all units", async ({ page, request }) => {
  await page.goto("/regions/laian/2023");
  await page.getByRole("link", { name: "来安县人民政府2023年度各单位对比" }).click();
  await expect(page).toHaveURL(/\/regions\/laian\/2023\/compare$/);
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader", { name: "雷官镇" })).toBeVisible();
  await table.getByRole("link", { name: "行政许可" }).click();
  await expect(page).toHaveURL(/sort=\d+&dir=desc/);
  await expect(page.getByRole("columnheader", { name: "行政许可" })).toHaveAttribute("aria-sort", "descending");
  // 舜山镇 (116 licences) before 雷官镇 (58).
  await expect(table.getByRole("rowheader")).toHaveText(["舜山镇", "雷官镇"]);
  const csv = (await (await request.get("/regions/laian/2023/compare.csv")).text()).trim().split("\r\n");
  expect(csv).toHaveLength(1 + 2 * 200);
  expect(csv).toContain("来安县雷官镇人民政府,,2023,active,二、主动公开政府信息情况,license,行政许可,decisions,本年处理决定数量,58");
});
