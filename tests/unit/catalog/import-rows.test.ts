import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/catalog/import/parse-csv";
import { checkImportRows, importColumns, importTemplateRows, refuseRepeatedDocumentNumbers } from "@/lib/catalog/import/import-rows";

describe("parseCsv", () => {
  it("reads Excel's UTF-8 CSV: BOM, quotes, doubled quotes, CRLF and newlines inside quotes", () => {
    const text = '\uFEFF标题,正文\r\n"关于""两化""的通知","第一段\r\n第二段"\r\n简单,行\n';
    expect(parseCsv(text)).toEqual({ rows: [["标题", "正文"], ['关于"两化"的通知', "第一段\r\n第二段"], ["简单", "行"]] });
  });

  it("says so when a quote is never closed", () => {
    expect(parseCsv('标题\n"未闭合').error).toBe("文件中有未闭合的引号，请检查后重新导出为CSV");
  });
});

describe("checkImportRows", () => {
  const header = importColumns.map((c) => c.heading);
  const row = (values: Partial<Record<string, string>>) => header.map((h) => values[h] ?? "");
  const defaults = { issuer: "来安县雷官镇人民政府" };

  it("accepts a good row with the unit as 发布机构 by default", () => {
    const { rows } = checkImportRows([header, row({ 标题: "关于印发方案的通知", 信息类别: "政策文件", 成文日期: "2024-03-01" })], defaults);
    expect(rows).toEqual([
      {
        row: 2,
        ok: true,
        fields: expect.objectContaining({ title: "关于印发方案的通知", category: "policy", issuer: defaults.issuer, writtenOn: "2024-03-01", validity: "VALID" }),
      },
    ]);
  });

  it("refuses bad rows with their spreadsheet row numbers and every reason, in Chinese", () => {
    const { rows } = checkImportRows(
      [
        header,
        row({ 标题: "好的一行", 信息类别: "行政处罚" }),
        row({}),
        row({ 标题: "坏", 信息类别: "处罚结果" }),
        row({ 标题: "日期错了", 信息类别: "通知公告", 成文日期: "2024-02-30", 有效性: "作废" }),
        row({ 标题: "废止没有日期", 信息类别: "行政规范性文件", 有效性: "已废止" }),
      ],
      defaults,
    );
    expect(rows.filter((r) => !r.ok)).toEqual([
      { row: 4, ok: false, reasons: ["信息类别“处罚结果”不在目录分类中", "请填写标题（至少2个字）"] },
      { row: 5, ok: false, reasons: ["有效性应为“有效”“已废止”或“已失效”，而不是“作废”", "成文日期应为“2024-01-24”格式的日期"] },
      { row: 6, ok: false, reasons: ["已废止或已失效的信息请填写废止或失效日期；有效的信息不填"] },
    ]);
    expect(rows.filter((r) => r.ok).map((r) => r.row)).toEqual([2]);
  });

  it("refuses a file without the required columns, naming them", () => {
    expect(checkImportRows([["名称", "类别"], ["a", "b"]], defaults).fileError).toBe("第1行缺少列：标题、信息类别（请使用导入模板）");
  });

  it("refuses a 文号 already in the catalog or repeated in the file", () => {
    const { rows } = checkImportRows(
      [
        header,
        row({ 标题: "第一份", 信息类别: "行政处罚", 文号: "来雷罚〔2024〕1号" }),
        row({ 标题: "第二份", 信息类别: "行政处罚", 文号: "来雷罚〔2024〕1号" }),
        row({ 标题: "第三份", 信息类别: "行政处罚", 文号: "来雷罚〔2023〕9号" }),
      ],
      defaults,
    );
    expect(refuseRepeatedDocumentNumbers(rows, new Set(["来雷罚〔2023〕9号"])).filter((r) => !r.ok)).toEqual([
      { row: 3, ok: false, reasons: ["文号“来雷罚〔2024〕1号”与第2行重复"] },
      { row: 4, ok: false, reasons: ["文号“来雷罚〔2023〕9号”已在本单位目录中"] },
    ]);
  });

  it("accepts its own template", () => {
    expect(checkImportRows(importTemplateRows(), defaults).rows.every((r) => r.ok)).toBe(true);
  });
});
