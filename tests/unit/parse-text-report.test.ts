import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchSectionHeading, parseTextReport } from "@/lib/import/parse-text-report";
import { cellsOfTable, checkReport, format2021 } from "@/lib/report-format";
import {
  leiguanOther,
  leiguanOverview,
  leiguanProblems,
  leiguanSignature,
  leiguanTitle,
} from "../fixtures/leiguan-2023.expected";

const samplePath = path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt");
const sample = readFileSync(samplePath, "utf8");
const parsed = parseTextReport(sample, format2021);

describe("importing the 雷官镇 2023 sample (golden)", () => {
  it("places every line: no issues", () => {
    expect(parsed.issues).toEqual([]);
  });

  it("notes the two headings not written as the format prints them; no preamble, nothing guessed", () => {
    expect(parsed.preamble).toBe("");
    expect(parsed.notes).toEqual([
      { line: 365, message: "章节标题“4、 政府信息公开行政复议、行政诉讼情况”按“四、政府信息公开行政复议、行政诉讼情况”读取" },
      { line: 410, message: "章节标题“五、存在的主要问题及改进措施”按“五、存在的主要问题及改进情况”读取" },
    ]);
    expect(parsed.guessed).toEqual([]);
  });

  it("reads the title, the signature and its date", () => {
    expect(parsed.title).toBe(leiguanTitle);
    expect(parsed.signatureLine).toBe(leiguanSignature.line);
    expect(parsed.signedOn).toBe(leiguanSignature.date);
  });

  it("reads all 10 cells of table 二, units stripped", () => {
    const active = Object.fromEntries(
      cellsOfTable(format2021, "active").map((cell) => [cell.key, parsed.values[cell.key]]),
    );
    expect(active).toEqual({
      "active.regulation.issued": 0,
      "active.regulation.repealed": 0,
      "active.regulation.inForce": 0,
      "active.normative.issued": 0,
      "active.normative.repealed": 0,
      "active.normative.inForce": 0,
      "active.license.decisions": 58,
      "active.penalty.decisions": 35,
      "active.enforcement.decisions": 10,
      "active.fee.amount": 0,
    });
  });

  it("reads all 175 cells of table 三 (all 0 in the sample)", () => {
    const cells = cellsOfTable(format2021, "applications");
    expect(cells).toHaveLength(175);
    expect(cells.map((cell) => [cell.key, parsed.values[cell.key]])).toEqual(cells.map((cell) => [cell.key, 0]));
  });

  it("reads all 15 cells of table 四 under the “4、” heading (all 0 in the sample)", () => {
    const cells = cellsOfTable(format2021, "appeals");
    expect(cells).toHaveLength(15);
    expect(cells.map((cell) => [cell.key, parsed.values[cell.key]])).toEqual(cells.map((cell) => [cell.key, 0]));
  });

  it("reads sections 一, 五 (headed 改进措施) and 六 with their sub-headings", () => {
    expect(parsed.sections.overview).toBe(leiguanOverview);
    expect(parsed.sections.problems).toBe(leiguanProblems);
    expect(parsed.sections.other).toBe(leiguanOther);
  });

  it("the rule engine finds the wrong signature year and no blocking error", () => {
    const findings = checkReport({
      format: format2021,
      organization: { name: "来安县雷官镇人民政府", kind: "TOWNSHIP" },
      year: 2023,
      title: parsed.title,
      signedOn: parsed.signedOn,
      values: parsed.values,
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: "signature-date", severity: "warning", field: "signedOn" }),
    ]);
    expect(findings[0]!.message).toContain("2023年1月24日在报告年度内");
  });
});

describe("section headings", () => {
  it.each([
    ["一、总体情况", "overview"],
    [" 一、总体情况", "overview"],
    ["4、 政府信息公开行政复议、行政诉讼情况", "appeals"],
    ["五、存在的主要问题及改进措施", "problems"],
    ["五、存在的主要问题及改进情况", "problems"],
    ["五、存在的主要问题和整改情况", "problems"],
    ["六、其他需要报告的事项", "other"],
  ])("recognises %s", (line, key) => {
    expect(matchSectionHeading(format2021, line)?.key).toBe(key);
  });

  it.each(["一是建立政府信息管理制度规范。", "二、其他事项", "（一）主动公开", "2.主动公开情况", "4.政府信息公开平台"])("does not take %s for a heading", (line) => {
    expect(matchSectionHeading(format2021, line)).toBeUndefined();
  });
});

describe("what the parser cannot place", () => {
  const lines = sample.split("\n");
  const withLine = (index: number, text: string) => [...lines.slice(0, index), text, ...lines.slice(index)].join("\n");

  it("reports an unknown table cell by its line number", () => {
    // After line 50 ("\t行政许可"), before its value.
    const result = parseTextReport(withLine(50, "\t许可事项合计"), format2021);
    expect(result.issues).toEqual([
      { line: 51, message: "“二、主动公开政府信息情况”中无法识别的单元格：“许可事项合计”" },
    ]);
    expect(result.values["active.license.decisions"]).toBe(58);
  });

  it("reports a value that is not a number, and the cell left empty", () => {
    const result = parseTextReport(sample.replace("\t58（件）", "\t五十八"), format2021);
    expect(result.issues).toEqual([
      { line: 51, message: "“二、主动公开政府信息情况”中无法识别的单元格：“五十八”" },
      { line: 0, message: "“二、主动公开政府信息情况”缺少数值：行政许可 本年处理决定数量" },
    ]);
  });

  it("reports a value no row can take", () => {
    const result = parseTextReport(withLine(62, "\t11"), format2021);
    expect(result.issues).toEqual([{ line: 63, message: "数值“11”不属于任何一行" }]);
  });

  it("reports a negative value with its cell", () => {
    const result = parseTextReport(sample.replace("\t35（件）", "\t-35"), format2021);
    expect(result.issues).toEqual([{ line: 59, message: "行政处罚 本年处理决定数量：“-35”不能为负数" }]);
  });

  it("reports text before the first section and a missing section", () => {
    const withoutSix = sample.replace("六、其他需要报告的事项", "六、其它");
    const result = parseTextReport(withLine(6, "（此件公开发布）"), format2021);
    expect(result.issues).toEqual([
      { line: 7, message: "标题之后、第一个章节之前的内容无法归入章节：“（此件公开发布）”" },
    ]);
    const missing = parseTextReport(withoutSix, format2021);
    expect(missing.issues).toContainEqual({ line: 0, message: "缺少章节“六、其他需要报告的事项”" });
  });

  it("reads a preamble paragraph after the title, but not a remark", () => {
    const paragraph = "根据《中华人民共和国政府信息公开条例》要求，现将本镇2023年政府信息公开工作年度报告如下。";
    const result = parseTextReport(withLine(6, paragraph).split("\n").toSpliced(7, 0, "（此件公开发布）").join("\n"), format2021);
    expect(result.preamble).toBe(paragraph);
    expect(result.issues).toEqual([
      { line: 8, message: "标题之后、第一个章节之前的内容无法归入章节：“（此件公开发布）”" },
    ]);
  });

  it("reports stray text inside a table section", () => {
    const result = parseTextReport(withLine(77, "注：数据截至12月31日"), format2021);
    expect(result.issues).toEqual([{ line: 78, message: "表格章节中无法识别的内容：“注：数据截至12月31日”" }]);
  });

  it("reports a date that does not exist instead of reading it", () => {
    const result = parseTextReport(sample.replace("2023年1月24日", "2024年2月30日"), format2021);
    expect(result.signedOn).toBeNull();
    expect(result.issues).toContainEqual({ line: 0, message: "未找到落款日期（应在全文末尾，如“2024年1月24日”）" });
  });

  it("reads a file with Windows line endings the same way", () => {
    const result = parseTextReport(sample.replace(/\n/g, "\r\n"), format2021);
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual(parsed.values);
    expect(result.sections).toEqual(parsed.sections);
  });
});
