import ExcelJS from "exceljs";
import JSZip from "jszip";
import { expect, test } from "@playwright/test";
import { format2021, formatCells, placeGrid, tableGrid, tableSections } from "@/lib/report-format";

const BASE = "/reports/laian-leiguan/2023";

/** The values as the database serves them (the open-data JSON), by cell key. */
async function databaseValues(request: import("@playwright/test").APIRequestContext) {
  const json = await (await request.get(`${BASE}.json`)).json();
  return Object.fromEntries(
    formatCells(format2021).map((c) => [c.key, json.tables[c.table][c.row][c.column] as number | null]),
  );
}

test("the report page links every download", async ({ page }) => {
  await page.goto(BASE);
  const downloads = page.getByRole("navigation", { name: "下载" });
  for (const name of ["Word（.docx）", "Excel（.xlsx）", "CSV", "开放数据（JSON）"]) {
    await expect(downloads.getByRole("link", { name })).toBeVisible();
  }
});

test("CSV: one row per cell with keys and labels, values as in the database", async ({ request }) => {
  const values = await databaseValues(request);
  const response = await request.get(`${BASE}.csv`);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const text = (await response.text()).replace(/^\uFEFF/, "");
  const [header, ...rows] = text.trim().split("\r\n").map((line) => line.split(","));
  expect(header).toEqual(["机构", "机构代码", "年度", "表格", "表格名称", "行", "行名称", "列", "列名称", "数值"]);
  expect(rows).toHaveLength(200);
  for (const row of rows) {
    const key = `${row[3]}.${row[5]}.${row[7]}`;
    expect(row[9], key).toBe(String(values[key]));
  }
  expect(rows).toContainEqual(["来安县雷官镇人民政府", "11341122003250123D", "2023", "active", "二、主动公开政府信息情况", "penalty", "行政处罚", "decisions", "本年处理决定数量", "35"]);
});

test("Excel: the three tables as sheets with merged official headers and every value", async ({ request }) => {
  const values = await databaseValues(request);
  const response = await request.get(`${BASE}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.body()) as unknown as ArrayBuffer);
  const sections = tableSections(format2021);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(sections.map((s) => `${s.numeral}、${s.heading}`.slice(0, 31)));
  sections.forEach((section, i) => {
    const sheet = workbook.worksheets[i]!;
    const grid = tableGrid(section.table);
    for (const { cell, row, column } of placeGrid([...grid.head, ...grid.body])) {
      const value = sheet.getCell(2 + row, 1 + column).value;
      if (cell.kind === "value") expect(value, cell.cellKey).toBe(values[cell.cellKey]);
      else expect(value).toBe(cell.text);
    }
  });
  const applications = workbook.worksheets[1]!;
  expect(applications.getCell("D2").value).toBe("申请人情况");
  expect(applications.getCell("J2").isMerged).toBe(true);
  expect(workbook.worksheets[0]!.getCell("B8").value).toBe(58);
});

test("Word: the official layout, with merged table headers and the values", async ({ request }) => {
  const response = await request.get(`${BASE}.docx`);
  expect(response.headers()["content-disposition"]).toContain("filename*=UTF-8''");
  const zip = await JSZip.loadAsync(await response.body());
  const xml = await zip.file("word/document.xml")!.async("string");
  const text = xml.replace(/<[^>]+>/g, "");
  expect(text).toContain("来安县雷官镇人民政府2023年政府信息公开工作年度报告");
  let at = 0;
  for (const heading of format2021.sections.map((s) => `${s.numeral}、${s.heading}`)) {
    const next = text.indexOf(heading, at);
    expect(next, heading).toBeGreaterThan(at);
    at = next;
  }
  for (const fragment of ["行政许可58", "行政处罚35", "行政强制10", "雷官镇人民政府2023年1月24日"]) {
    expect(text).toContain(fragment);
  }
  expect(xml).toContain('<w:gridSpan w:val="7"/>'); // 申请人情况 over the seven columns
  expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/); // 三、本年度办理结果 spanning its rows
  expect(xml).toContain("<w:tblHeader/>"); // header rows repeat on each page
});

test("downloads are named by their revision and revalidate with 304", async ({ request }) => {
  for (const ext of ["json", "csv", "xlsx", "docx"]) {
    const first = await request.get(`${BASE}.${ext}`);
    const etag = first.headers()["etag"];
    expect(etag, ext).toMatch(/^"[0-9a-f-]{36}-\w+"$/);
    expect(first.headers()["cache-control"]).toContain("must-revalidate");
    const again = await request.get(`${BASE}.${ext}`, { headers: { "If-None-Match": etag! } });
    expect(again.status(), ext).toBe(304);
  }
});
