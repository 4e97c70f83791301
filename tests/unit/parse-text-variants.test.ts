// What real exports contain besides the sample's layout: empty cells, a
// preamble, a title over two lines, dates in Chinese numerals, fees in 元, the
// 2019 labels and tables, half-width punctuation, DOS line endings. Each
// fixture in tests/fixtures/import/ is the sample with one such variant.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { yuanToWanYuan } from "@/lib/import/cell-units";
import { parseSignatureDate } from "@/lib/import/parse-date";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { readSectionHeading } from "@/lib/import/section-heading";
import { cellsOfTable, format2021 } from "@/lib/report-format";
import { leiguanOther, leiguanOverview, leiguanSignature, leiguanTitle } from "../fixtures/leiguan-2023.expected";

const sample = readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8");
const golden = parseTextReport(sample, format2021);
const fixture = (name: string) =>
  parseTextReport(readFileSync(path.resolve(__dirname, "../fixtures/import", name), "utf8"), format2021);
const tableValues = (values: Record<string, number | null>, table: string) =>
  Object.fromEntries(cellsOfTable(format2021, table).map((cell) => [cell.key, values[cell.key]]));
/** `text` with its one occurrence of `from` replaced. */
function swap(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}
const variant = (from: string, to: string) => swap(sample, from, to);
const headingNotes = (offset = 0) => [
  { line: 365 + offset, message: "章节标题“4、 政府信息公开行政复议、行政诉讼情况”按“四、政府信息公开行政复议、行政诉讼情况”读取" },
  { line: 410 + offset, message: "章节标题“五、存在的主要问题及改进措施”按“五、存在的主要问题及改进情况”读取" },
];
const preamble = [
  "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，现将雷官镇人民政府2023年政府信息公开工作年度报告如下。",
  "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。本报告电子版可在来安县人民政府网站（http://www.laian.gov.cn）查阅或下载。如对本报告有任何疑问，请与雷官镇党政办公室联系（电话：0550-5XXXXXX）。",
].join("\n");

describe("empty cells", () => {
  const parsed = fixture("blank-cells.txt");

  it("keep the values after them in their columns and are reported as missing", () => {
    expect(tableValues(parsed.values, "active")).toEqual({
      ...tableValues(golden.values, "active"),
      "active.normative.issued": 3,
      "active.normative.repealed": null,
      "active.normative.inForce": 5,
      "active.penalty.decisions": null,
    });
    expect(parsed.values["applications.received.natural"]).toBe(2);
    expect(parsed.values["applications.received.business"]).toBeNull();
    expect(parsed.values["applications.received.research"]).toBe(0);
    expect(parsed.values["applications.received.total"]).toBe(0);
    expect(parsed.values["appeals.review.upheld"]).toBeNull();
    expect(parsed.values["appeals.review.corrected"]).toBe(0);
    expect(parsed.values["appeals.litigationAfterReview.total"]).toBe(0);
    expect(parsed.issues).toEqual([
      { line: 0, message: "“二、主动公开政府信息情况”缺少数值：行政规范性文件 本年废止件数" },
      { line: 0, message: "“二、主动公开政府信息情况”缺少数值：行政处罚 本年处理决定数量" },
      { line: 0, message: "“三、收到和处理政府信息公开申请情况”缺少数值：一、本年新收政府信息公开申请数量 商业企业" },
      { line: 0, message: "“四、政府信息公开行政复议、行政诉讼情况”缺少数值：行政复议 结果维持" },
    ]);
  });

  it("an empty cell takes the row's only column, so a value after it belongs to no row", () => {
    const parsed = parseTextReport(variant("\t行政处罚\n\t35（件）\n", "\t行政处罚\n\t\n\t35\n"), format2021);
    expect(parsed.values["active.penalty.decisions"]).toBeNull();
    expect(parsed.values["active.enforcement.decisions"]).toBe(10);
    expect(parsed.issues).toEqual([
      { line: 60, message: "数值“35”不属于任何一行" },
      { line: 0, message: "“二、主动公开政府信息情况”缺少数值：行政处罚 本年处理决定数量" },
    ]);
  });

  it("header filler cells shift nothing, even right after a row's last value", () => {
    // Filler after the fee row with no blank line between, and more filler in the headers of 三 and 四.
    let text = variant("\t行政事业性收费\n\t0\n", "\t行政事业性收费\n\t0\n\t\n\t \n");
    text = swap(text, "\t申请人情况\n", "\t申请人情况\n\t\n");
    text = swap(text, "\t行政复议\n\t行政诉讼\n", "\t\n\t行政复议\n\t行政诉讼\n\t\n");
    const parsed = parseTextReport(text, format2021);
    expect(parsed.issues).toEqual([]);
    expect(parsed.values).toEqual(golden.values);
  });

  it("filler after an empty fee cell leaves only the fee empty", () => {
    const parsed = parseTextReport(variant("\t行政事业性收费\n\t0\n", "\t行政事业性收费\n\t\n\t\n"), format2021);
    expect(parsed.values).toEqual({ ...golden.values, "active.fee.amount": null });
    expect(parsed.issues).toEqual([
      { line: 0, message: "“二、主动公开政府信息情况”缺少数值：行政事业性收费 本年收费金额（单位：万元）" },
    ]);
  });
});

describe("the preamble and the title", () => {
  it("returns the paragraphs before 一 as the preamble", () => {
    const parsed = fixture("preamble.txt");
    expect(parsed.title).toBe(leiguanTitle);
    expect(parsed.preamble).toBe(preamble);
    expect(parsed.issues).toEqual([]);
    expect(parsed.notes).toEqual(headingNotes(2));
    expect(parsed.sections.overview).toBe(leiguanOverview);
  });

  it("joins a title over two lines, with a note", () => {
    const parsed = fixture("two-line-title.txt");
    expect(parsed.title).toBe(leiguanTitle);
    expect(parsed.preamble).toBe(preamble);
    expect(parsed.issues).toEqual([]);
    expect(parsed.notes).toEqual([
      {
        line: 6,
        message: "标题分为2行（“来安县雷官镇人民政府”“2023年政府信息公开工作年度报告”），已合并为“来安县雷官镇人民政府2023年政府信息公开工作年度报告”",
      },
      ...headingNotes(3),
    ]);
  });

  it("joins a title broken in the middle", () => {
    const parsed = parseTextReport(
      variant(`${leiguanTitle}\n`, "来安县雷官镇人民政府2023年政府信息公开\n工作年度报告\n"),
      format2021,
    );
    expect(parsed.title).toBe(leiguanTitle);
    expect(parsed.notes[0]!.message).toContain("标题分为2行");
    expect(parsed.issues).toEqual([]);
  });

  it("joins a two-line title that gets the wording wrong, leaving the wording to the title rule", () => {
    const parsed = parseTextReport(variant(`${leiguanTitle}\n`, "来安县雷官镇人民政府\n2023年政府信息公开工作报告\n"), format2021);
    expect(parsed.title).toBe("来安县雷官镇人民政府2023年政府信息公开工作报告");
    expect(parsed.issues).toEqual([]);
  });

  it("does not join a line that does not end an office's name", () => {
    const parsed = parseTextReport(variant(`${leiguanTitle}\n`, "附件2\n2023年政府信息公开工作年度报告\n"), format2021);
    expect(parsed.title).toBe("2023年政府信息公开工作年度报告");
    expect(parsed.issues).toEqual([{ line: 6, message: "标题之前的内容无法归入章节：“附件2”" }]);
  });

  it("does not join a name line above a title that already names an office", () => {
    const parsed = parseTextReport(variant(`${leiguanTitle}\n`, `滁州市来安县\n${leiguanTitle}\n`), format2021);
    expect(parsed.title).toBe(leiguanTitle);
    expect(parsed.issues).toEqual([{ line: 6, message: "标题之前的内容无法归入章节：“滁州市来安县”" }]);
  });
});

describe("the signature date", () => {
  it.each([
    ["2024年1月24日", "2024-01-24"],
    ["2024 年 1 月 24 日", "2024-01-24"],
    ["２０２４年１月２４日", "2024-01-24"],
    ["二〇二四年一月二十四日", "2024-01-24"],
    ["二○二四年一月二十四日", "2024-01-24"],
    ["二零二四年十二月三十一日", "2024-12-31"],
    ["二〇二四年二月十日", "2024-02-10"],
    ["2024.1.24", "2024-01-24"],
    ["2024-01-24", "2024-01-24"],
    ["2024/1/24", "2024-01-24"],
  ])("reads %s", (text, iso) => {
    expect(parseSignatureDate(text)?.iso).toBe(iso);
  });

  it.each(["2024年2月30日", "二〇二四年二月三十日", "二〇二四年十三月一日", "2024.13.1", "2024-1/24", "二〇二四年一月二四日", "2024年1月"])(
    "refuses %s",
    (text) => {
      expect(parseSignatureDate(text)).toBeNull();
    },
  );

  it("reads a Chinese-numeral date in a DOS file (CRLF, Ctrl-Z) and keeps it out of section 六", () => {
    const parsed = fixture("chinese-date-crlf.txt");
    expect(parsed.signedOn).toBe("2024-01-24");
    expect(parsed.signatureLine).toBe(leiguanSignature.line);
    expect(parsed.sections.other).toBe(leiguanOther);
    expect(parsed.issues).toEqual([]);
    expect(parsed.values).toEqual(golden.values);
    expect(parsed.notes[0]).toEqual({ line: 365, message: "章节标题“4、 政府信息公开行政复议、行政诉讼情况”按“四、政府信息公开行政复议、行政诉讼情况”读取" });
    expect(parsed.notes).toContainEqual({ line: 426, message: "落款日期“二〇二四年一月二十四日”读作2024年1月24日" });
    expect(JSON.stringify(parsed)).not.toMatch(/\\r|\\u001a/);
  });

  it.each(["2024.1.24", "2024-01-24", "2024/1/24"])("takes %s as the signature date", (date) => {
    const parsed = parseTextReport(variant("2023年1月24日", date), format2021);
    expect(parsed.signedOn).toBe("2024-01-24");
    expect(parsed.sections.other).toBe(leiguanOther);
    expect(parsed.issues).toEqual([]);
  });

  it("a lone CR as line break and trailing blanks leave no CR in the text", () => {
    const parsed = parseTextReport(`${sample.replace(/\n/g, "\r")}\r\n \t\r\n\x1a`, format2021);
    expect(parsed.issues).toEqual([]);
    expect(parsed.sections).toEqual(golden.sections);
    expect(JSON.stringify(parsed)).not.toContain("\\r");
  });
});

describe("units in cells", () => {
  it("converts a fee in 元 to 万元, with a note", () => {
    const parsed = fixture("fee-in-yuan.txt");
    expect(parsed.values["active.fee.amount"]).toBe(0.2655);
    expect(parsed.issues).toEqual([]);
    expect(parsed.notes).toContainEqual({ line: 70, message: "行政事业性收费 本年收费金额：“2,655 元”已换算为0.2655万元" });
  });

  it.each([
    ["2655元", 0.2655],
    ["265500元", 26.55],
    ["1元", 0.0001],
    ["0元", 0],
    ["26.55万元", 26.55],
    ["26.55（万元）", 26.55],
  ])("reads the fee %s", (cell, value) => {
    const parsed = parseTextReport(variant("\t行政事业性收费\n\t0\n", `\t行政事业性收费\n\t${cell}\n`), format2021);
    expect(parsed.values["active.fee.amount"]).toBe(value);
    expect(parsed.issues).toEqual([]);
  });

  it("refuses an amount in 元 finer than whole 元 instead of rounding it", () => {
    const parsed = parseTextReport(variant("\t行政事业性收费\n\t0\n", "\t行政事业性收费\n\t2655.5元\n"), format2021);
    expect(parsed.values["active.fee.amount"]).toBeNull();
    expect(parsed.notes.filter((n) => n.message.includes("换算"))).toEqual([]);
    expect(parsed.issues).toEqual([
      { line: 70, message: "行政事业性收费 本年收费金额（单位：万元）：“2655.5元”换算为0.26555万元，金额最多保留4位小数" },
    ]);
  });

  it("refuses a unit that does not fit the cell", () => {
    let text = variant("\t58（件）\n", "\t58元\n");
    text = swap(text, "\t行政事业性收费\n\t0\n", "\t行政事业性收费\n\t3件\n");
    const parsed = parseTextReport(text, format2021);
    expect(parsed.values["active.license.decisions"]).toBeNull();
    expect(parsed.values["active.fee.amount"]).toBeNull();
    expect(parsed.values["active.penalty.decisions"]).toBe(35);
    expect(parsed.issues).toEqual([
      { line: 51, message: "行政许可 本年处理决定数量：“58元”的单位“元”与此格不符（此格填件数），数值未读入" },
      { line: 70, message: "行政事业性收费 本年收费金额（单位：万元）：“3件”的单位“件”与此格不符（此格填金额，单位为万元），数值未读入" },
    ]);
  });

  it.each([
    ["2655", "0.2655"],
    ["26550", "2.655"],
    ["100000", "10"],
    ["0", "0"],
    ["12.5", "0.00125"],
  ])("moves the point of %s 元 to %s 万元", (yuan, wan) => {
    expect(yuanToWanYuan(yuan)).toBe(wan);
  });
});

describe("labels of table 二", () => {
  it("reads 规范性文件 under the 2021 columns as 行政规范性文件, with a note", () => {
    const parsed = fixture("normative-2019-label.txt");
    expect(tableValues(parsed.values, "active")).toEqual({
      ...tableValues(golden.values, "active"),
      "active.normative.issued": 3,
      "active.normative.repealed": 1,
      "active.normative.inForce": 12,
    });
    expect(parsed.issues).toEqual([]);
    expect(parsed.notes).toContainEqual({ line: 40, message: "“规范性文件”按“行政规范性文件”读取" });
  });

  it("matches half-width punctuation, a year in the headers and 维持/纠正 in table 四", () => {
    const parsed = fixture("half-width-headers.txt");
    expect(parsed.issues).toEqual([]);
    expect(parsed.values).toEqual(golden.values);
  });

  it("reports a 2019-format table 二 and places none of its values", () => {
    const parsed = fixture("table-2-2019-format.txt");
    expect(parsed.issues).toEqual([{ line: 28, message: "表二为2019年格式（国办公开办函〔2019〕60号），其数值未读入" }]);
    expect(Object.values(tableValues(parsed.values, "active")).every((v) => v === null)).toBe(true);
    expect(tableValues(parsed.values, "applications")).toEqual(tableValues(golden.values, "applications"));
    expect(tableValues(parsed.values, "appeals")).toEqual(tableValues(golden.values, "appeals"));
  });

  it("reports one 2019-format block and reads the 2021 blocks around it", () => {
    const parsed = parseTextReport(
      variant(
        "\t信息内容\n\t本年处理决定数量\n\n\t行政许可\n\t58（件）\n",
        "\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n\n\t行政许可\n\t60\n\t-2\n\t58\n\n\t其他对外管理服务事项\n\t4\n\t0\n\t4\n",
      ),
      format2021,
    );
    expect(parsed.issues).toEqual([{ line: 48, message: "表二为2019年格式（国办公开办函〔2019〕60号），其数值未读入" }]);
    expect(tableValues(parsed.values, "active")).toEqual({
      ...tableValues(golden.values, "active"),
      "active.license.decisions": null,
    });
  });
});

describe("section headings beyond the format's wording", () => {
  it.each([
    ["二、主动公开政府信息情况", "active", "exact"],
    ["四.政府信息公开行政复议、行政诉讼情况", "appeals", "variant"],
    ["（四）政府信息公开行政复议、行政诉讼情况", "appeals", "variant"],
    ["(四)政府信息公开行政复议、行政诉讼情况", "appeals", "variant"],
    ["六、其他需要报告的事项说明", "other", "numeral"],
  ])("reads %s", (line, key, how) => {
    expect(readSectionHeading(format2021, line)).toMatchObject({ section: { key }, how });
  });

  it.each(["（三）政府信息公开行政复议、行政诉讼情况", "（四）政府信息公开平台建设", "（六）其他需要报告的事项说明"])(
    "does not take %s for a heading",
    (line) => {
      expect(readSectionHeading(format2021, line)).toBeUndefined();
    },
  );

  it("lists a heading recognised only by its numeral as guessed", () => {
    const parsed = parseTextReport(variant("六、其他需要报告的事项", "六、其他需要报告的事项说明"), format2021);
    expect(parsed.sections.other).toBe(leiguanOther);
    expect(parsed.issues).toEqual([]);
    expect(parsed.guessed).toEqual([
      { line: 421, message: "章节标题“六、其他需要报告的事项说明”与格式不符，仅凭序号读作“六、其他需要报告的事项”" },
    ]);
  });
});
