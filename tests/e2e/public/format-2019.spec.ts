import { expect, test, type Page } from "@playwright/test";

// 雷官镇's 2020 report, published in the 2019 trial format (国办公开办函〔2019〕60号).
const REPORT_URL = "/reports/laian-leiguan/2020";

/** The value cell whose `headers` name all the given labels, as a screen reader announces it. */
async function cellByHeaders(page: Page, ...labels: string[]): Promise<string[]> {
  return page.evaluate((wanted) => {
    return [...document.querySelectorAll("td[headers]")]
      .filter((td) => {
        const names = (td.getAttribute("headers") ?? "")
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? "");
        return wanted.every((label) => names.includes(label));
      })
      .map((td) => td.textContent?.trim() ?? "");
  }, labels);
}

test("a 2020 report reads in the trial format's table 二, signed 本年增/减 included", async ({ page }) => {
  await page.goto(REPORT_URL);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("来安县雷官镇人民政府2020年政府信息公开工作年度报告");
  expect(await cellByHeaders(page, "第二十条第（五）项", "行政许可", "本年增/减")).toEqual(["-2"]);
  expect(await cellByHeaders(page, "第二十条第（六）项", "行政处罚", "处理决定数量")).toEqual(["35"]);
  expect(await cellByHeaders(page, "第二十条第（九）项", "政府集中采购", "采购总金额（单位：万元）")).toEqual(["26.55"]);
  // Table 三's （六）其他处理 is one row in this format.
  expect(await cellByHeaders(page, "（六）其他处理", "总计")).toEqual(["1"]);
  const json = await (await page.request.get(`${REPORT_URL}.json`)).json();
  expect(json.format).toBe("2019");
  expect(json.tables.active.license).toEqual({ previous: 60, change: -2, decisions: 58 });
});

test("across the formats, a unit's history compares only the figures that mean the same", async ({ page }) => {
  await page.goto("/units/laian-leiguan");
  await expect(page.getByText(/2020年的报告使用国办公开办函〔2019〕60号规定的格式/)).toBeVisible();
  const actions = page.getByRole("figure", { name: "行政许可、行政处罚、行政强制" }).getByRole("table");
  await expect(actions.getByRole("columnheader", { name: "2020年" })).toBeVisible();
  // 处理决定数量 means the same in both formats.
  await expect(actions.getByRole("row", { name: /行政许可/ }).getByRole("cell")).toHaveText(["58", "58"]);
  await expect(actions.getByRole("row", { name: /行政处罚/ }).getByRole("cell")).toHaveText(["35", "35"]);
  // （六）其他处理 is split differently in the two formats: no figure for 2020.
  const outcomes = page.getByRole("figure", { name: "申请办理结果" }).getByRole("table");
  await expect(outcomes.getByRole("row", { name: /（六）其他处理/ }).getByRole("cell")).toHaveText(["—", "0"]);
});
