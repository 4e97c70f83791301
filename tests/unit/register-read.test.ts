// Reading a region's register as offices send it: an .xlsx with a title row
// and merged cells above each header, Excel's GBK “CSV” and its “CSV UTF-8”
// with a BOM; and refusing, with a message, what cannot be a register.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { UnreadableFileError } from "@/lib/import/read-source";
import { readRegister } from "@/lib/register/read-register";
import { MAX_REGISTER_ROWS } from "@/lib/register/read-sheets";
import { registerTemplate } from "@/lib/register/template";
import { chuzhouAccounts, chuzhouUnits } from "../fixtures/registers/chuzhou-register";
import { encodeGbk, fixturePath, registerCsv } from "../fixtures/registers/make-fixtures";

const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(fixturePath(name))) });
const text = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) });
const units = chuzhouUnits.map((unit) => {
  const { key, ...rest } = unit;
  void key;
  return rest;
});
/** The records without their row numbers. */
const cells = <T extends { row: number }>(records: T[]) => records.map((record) => ({ ...record, row: undefined }));
const expected = <T,>(records: T[]) => records.map((record) => ({ ...record, row: undefined }));

async function refusal(files: { name: string; bytes: Uint8Array }[]): Promise<string> {
  const error = await readRegister(files).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return (error as Error).message;
}

describe("reading a register", () => {
  it("reads both sheets of the office's workbook below their title rows, with each row's number in the sheet", async () => {
    const register = await readRegister([file("chuzhou-register.xlsx")]);
    expect(cells(register.units)).toEqual(expected(units));
    expect(cells(register.accounts)).toEqual(expected(chuzhouAccounts));
    // Title, date line, header: the first unit is on row 4, as Excel shows it.
    expect(register.units[0]!.row).toBe(4);
    expect(register.accounts[0]!.row).toBe(4);
    expect(register.files).toEqual([{ name: "chuzhou-register.xlsx", sha256: expect.stringMatching(/^[0-9a-f]{64}$/), tables: ["units", "accounts"] }]);
    expect(register.notes).toContain("单位表（单位）中的列“序号”不在模板中，未读取");
    expect(register.notes).toContain(`单位表（单位）第${4 + chuzhouUnits.length}行是说明文字，未读取`);
  });

  it("reads Excel's GBK CSV (CRLF, padded title rows) and a UTF-8 CSV with a BOM uploaded together", async () => {
    const register = await readRegister([file("chuzhou-units.gbk.csv"), file("chuzhou-accounts.utf8-bom.csv")]);
    expect(cells(register.units)).toEqual(expected(units));
    expect(cells(register.accounts)).toEqual(expected(chuzhouAccounts));
    expect(register.files.map((f) => f.tables)).toEqual([["units"], ["accounts"]]);
  });

  it("tells the two CSVs apart by their header rows, whatever their order or names", async () => {
    const register = await readRegister([file("chuzhou-accounts.utf8-bom.csv"), { ...file("chuzhou-units.gbk.csv"), name: "名录.csv" }]);
    expect(register.units).toHaveLength(40);
    expect(register.accounts).toHaveLength(80);
  });

  it("accepts the headings' other names, 必填 marks and full-width brackets", async () => {
    const csv = "单位名称*,统一社会信用代码（18位）,单位类别,上级单位代码,简称\r\n某县人民政府,X,县级人民政府,,某县\r\n";
    const register = await readRegister([text("a.csv", csv)]);
    expect(register.units).toEqual([{ row: 2, name: "某县人民政府", shortName: "某县", code: "X", kind: "县级人民政府", parentCode: "", regionCode: "" }]);
  });

  it("refuses a table that lacks a required column, naming it", async () => {
    expect(await refusal([text("a.csv", "单位全称,统一社会信用代码,上级单位统一社会信用代码\r\n甲,1,2\r\n")])).toBe(
      "单位表（a.csv）缺少“类别”列，请按模板填写表头",
    );
  });

  it("refuses files that are not registers, each with what to do", async () => {
    expect(await refusal([text("a.csv", "标题,信息类别\r\n一条,工作动态\r\n")])).toMatch(/^在“a.csv”中找不到单位表或账号表/);
    expect(await refusal([text("a.csv", "")])).toBe("文件“a.csv”是空的");
    expect(await refusal([{ name: "a.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }])).toMatch(/Excel 97–2003 格式/);
    expect(await refusal([text("a.xlsx", "not a zip")])).toBe("“a.xlsx”的内容与扩展名不符，请确认文件是 .xlsx 格式");
    expect(await refusal([text("a.pdf", "%PDF-1.7")])).toBe("不能读取“a.pdf”：只能导入 .xlsx 或 .csv 文件");
    expect(await refusal([{ name: "a.csv", bytes: new Uint8Array([0x31, 0x00, 0x32]) }])).toMatch(/不是文本格式的 CSV/);
    expect(await refusal([text("a.csv", '单位全称,"统一社会信用代码\r\n')])).toBe("文件中有未闭合的引号，请检查后重新导出为CSV");
    expect(await refusal([file("chuzhou-units.gbk.csv"), file("chuzhou-units.gbk.csv"), file("chuzhou-units.gbk.csv")])).toBe(
      "一次最多上传2个文件（单位表和账号表）",
    );
    expect(await refusal([file("chuzhou-units.gbk.csv"), file("chuzhou-register.xlsx")])).toMatch(/^上传的文件中有两个单位表/);
    expect(await refusal([text("a.csv", "单位全称,统一社会信用代码,类别,上级单位统一社会信用代码\r\n\r\n")])).toBe("文件中没有单位或账号（表头下面没有数据行）");
  });

  it("refuses a file longer than the row limit while reading it, in a CSV and in a workbook", async () => {
    const rows = Array.from({ length: MAX_REGISTER_ROWS + 5 }, (_, i) => [`单位${i}`, "X", "部门", "Y"]);
    const csv = registerCsv("名录", ["单位全称", "统一社会信用代码", "类别", "上级单位统一社会信用代码"], rows);
    expect(await refusal([text("a.csv", csv)])).toBe(`文件行数过多：一次最多导入${MAX_REGISTER_ROWS}行，请分批导入`);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("单位");
    sheet.addRow(["单位全称", "统一社会信用代码", "类别", "上级单位统一社会信用代码"]);
    for (const row of rows) sheet.addRow(row);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await refusal([{ name: "a.xlsx", bytes }])).toBe(`文件行数过多：一次最多导入${MAX_REGISTER_ROWS}行，请分批导入`);
    // Writing a workbook of 20,000 rows is the slow part (1–2 s alone, more beside other test files).
  }, 30_000);

  it("reads an 18-digit code Excel kept as a number (15 significant digits) in full, so its check character tells; and GBK text in a CSV", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(["单位全称", "统一社会信用代码", "类别", "上级单位统一社会信用代码"]);
    // Typed as 113411220032502448 into a General cell, Excel keeps 113411220032502000.
    sheet.addRow(["某镇人民政府", 113411220032502000, "乡镇", ""]);
    const register = await readRegister([{ name: "a.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) }]);
    expect(register.units[0]!.code).toBe("113411220032502000");
    const gbk = encodeGbk("单位全称,统一社会信用代码,类别,上级单位统一社会信用代码\r\n来安县雷官镇人民政府,1,乡镇,2\r\n");
    expect((await readRegister([{ name: "b.csv", bytes: new Uint8Array(gbk) }])).units[0]!.name).toBe("来安县雷官镇人民政府");
  });
});

describe("the register template", () => {
  it("is read back as filled in: both tables found by their headings, its notes sheet left aside", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await registerTemplate()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["单位", "账号", "填写说明"]);
    expect(workbook.getWorksheet("单位")!.getColumn(3).numFmt).toBe("@");
    workbook.getWorksheet("单位")!.getRow(2).values = ["来安县人民政府", "来安县", "11341122003250001F", "县级人民政府", "", "341122"];
    workbook.getWorksheet("账号")!.getRow(2).values = ["laian-admin", "王伟", "", "11341122003250001F", "管理员"];
    const register = await readRegister([{ name: "模板.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) }]);
    expect(register.units).toEqual([
      { row: 2, name: "来安县人民政府", shortName: "来安县", code: "11341122003250001F", kind: "县级人民政府", parentCode: "", regionCode: "341122" },
    ]);
    expect(register.accounts).toEqual([{ row: 2, username: "laian-admin", displayName: "王伟", email: "", unitCode: "11341122003250001F", roles: "管理员" }]);
    expect(register.notes).toEqual([]);
  });
});
