import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkImportFile } from "@/lib/catalog/import/check-file";
import { readSpreadsheetRows, UnreadableSpreadsheetError } from "@/lib/catalog/import/read-spreadsheet";

async function xlsx(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("目录");
  sheet.addRow(["标题", "信息类别", "成文日期"]);
  for (let i = 0; i < rows; i += 1) sheet.addRow([`第${i + 1}条`, "工作动态", new Date(Date.UTC(2024, 2, 1))]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("reading an import file as a stream", () => {
  it("reads the rows of the first sheet, dates as the form writes them", async () => {
    const { rows, truncated } = await readSpreadsheetRows("a.xlsx", await xlsx(3), 100);
    expect(truncated).toBe(false);
    expect(rows).toEqual([["标题", "信息类别", "成文日期"], ["第1条", "工作动态", "2024-03-01"], ["第2条", "工作动态", "2024-03-01"], ["第3条", "工作动态", "2024-03-01"]]);
  });

  it("stops reading at the limit, and says so", async () => {
    const { rows, truncated } = await readSpreadsheetRows("a.xlsx", await xlsx(50), 10);
    expect(truncated).toBe(true);
    expect(rows).toHaveLength(10);
    const csv = new TextEncoder().encode(`标题,信息类别\n${"一条,工作动态\n".repeat(50)}`);
    expect(await readSpreadsheetRows("a.csv", csv, 10)).toMatchObject({ truncated: true, rows: { length: 10 } });
  });

  it("refuses a file with more rows than an import takes, without checking them", async () => {
    expect(await checkImportFile("a.xlsx", await xlsx(5001), { issuer: "测试镇人民政府" })).toEqual({
      rows: [],
      fileError: "一次最多导入5000行，本文件有5001行，请分批导入",
    });
    // Far longer: reading stops at the limit.
    expect(await checkImportFile("a.xlsx", await xlsx(8000), { issuer: "测试镇人民政府" })).toEqual({
      rows: [],
      fileError: "一次最多导入5000行，本文件超过了，请分批导入",
    });
  });

  it("refuses what is not a workbook with a message", async () => {
    await expect(readSpreadsheetRows("a.xlsx", new TextEncoder().encode("not a zip"), 10)).rejects.toBeInstanceOf(UnreadableSpreadsheetError);
  });
});
