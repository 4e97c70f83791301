import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { emptyValues, findCell, format2021, withComputedTotals, type RuleInput } from "@/lib/report-format";
import { checkNarrativeFigures } from "@/lib/report-format/narrative/figures";
import { textKey } from "@/lib/report-format/narrative/text";

const zeros = Object.fromEntries(Object.keys(emptyValues(format2021)).map((k) => [k, 0]));

/** A 2023 report whose tables are 0 except `cells` (totals computed), with `overview` as section 一. */
function report(overview: string, cells: Record<string, number> = {}, more: Partial<RuleInput> = {}): RuleInput {
  return {
    format: format2021,
    organization: { name: "来安县雷官镇人民政府", kind: "TOWNSHIP" },
    year: 2023,
    title: "来安县雷官镇人民政府2023年政府信息公开工作年度报告",
    signedOn: "2024-01-24",
    values: withComputedTotals(format2021, { ...zeros, ...cells }),
    sections: { overview, problems: "无", other: "无" },
    ...more,
  };
}

const r8 = (input: RuleInput) => checkNarrativeFigures(input);
const marked = (input: RuleInput) =>
  r8(input).map((f) => f.quote && f.quote.text.slice(f.quote.mark?.start, f.quote.mark?.end));

/** The county's 128 = 119 new + 9 carried over; 120 handled, 8 carried forward. */
const county = {
  "applications.received.natural": 100,
  "applications.received.business": 19,
  "applications.carriedOver.natural": 9,
  "applications.granted.natural": 90,
  "applications.partial.natural": 30,
  "applications.carriedForward.natural": 8,
  "appeals.review.upheld": 6,
  "appeals.litigationDirect.upheld": 2,
  "appeals.litigationAfterReview.pending": 1,
};
const countyText = [
  "（二）依申请公开",
  "全年共受理政府信息公开申请128件，其中本年新收119件，上年结转9件。共办理120件，结转下一年8件。",
  "全年发生政府信息公开行政复议、行政诉讼案件共9件，其中行政复议6件，行政诉讼3件。共办理相关案件9件。",
].join("\n");

describe("R8: figures of the narrative against the tables", () => {
  it("every cell key in the 2021 data is a cell of the format", () => {
    const keys = format2021.narrative.figures.figures.flatMap((f) =>
      f.compare.flatMap((c) => ("cells" in c.source ? c.source.cells : [])),
    );
    for (const key of keys) expect(findCell(format2021, key), key).toBeDefined();
  });

  describe("a county report that agrees with its tables stays clean", () => {
    it("received, carried over, handled, carried forward; 复议 and 诉讼", () => {
      expect(r8(report(countyText, county))).toEqual([]);
    });

    it("“共受理…申请128件” may also mean the new applications alone", () => {
      expect(r8(report("本年度共受理政府信息公开申请119件。", county))).toEqual([]);
    });
  });

  describe("applications", () => {
    it("本年新收 differs from 表三 一", () => {
      const findings = r8(report("全年共受理政府信息公开申请128件，其中本年新收120件，上年结转9件。", county));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        rule: "R8",
        severity: "warning",
        section: "overview",
        cells: ["applications.received.total"],
        message: "正文中的数字应与表格一致：正文“全年共受理政府信息公开申请128件，其中本年新收120件，上年结转9件。”称本年新收120件，表三“本年新收政府信息公开申请数量”总计为119件",
      });
    });

    it("marks the figure and keys the finding by sentence and figure", () => {
      const sentence = "全年共受理政府信息公开申请128件，其中本年新收120件，上年结转9件。";
      const [finding] = r8(report(sentence, county));
      const start = sentence.indexOf("120件");
      expect(finding?.quote).toEqual({ text: sentence, mark: { start, end: start + 4 } });
      expect(finding?.key).toBe(`${textKey(sentence)}:received`);
    });

    it("上年结转 and 结转下年度 are not confused", () => {
      expect(marked(report("上年结转8件，结转下一年9件。", county))).toEqual(["8件", "9件"]);
      expect(r8(report("上年结转8件，结转下一年9件。", county)).map((f) => f.cells)).toEqual([
        ["applications.carriedOver.total"],
        ["applications.carriedForward.total"],
      ]);
    });

    it("共办理 / 办结 against （七）总计", () => {
      expect(marked(report("共受理申请128件，共办理125件。", county))).toEqual(["125件"]);
      expect(marked(report("本年度办结政府信息公开申请118件。", county))).toEqual(["118件"]);
      expect(r8(report("本年度办结政府信息公开申请120件，结转下年度继续办理8件。", county))).toEqual([]);
    });

    it("a total of received that equals neither reading", () => {
      const [finding] = r8(report("全年共收到政府信息公开申请130件。", county));
      expect(finding?.message).toContain("称收到政府信息公开申请130件，表三“本年新收政府信息公开申请数量”总计为119件（加上年结转为128件）");
      expect(finding?.cells).toEqual(["applications.received.total", "applications.carriedOver.total"]);
    });

    it("by applicant: 自然人, and 法人或其他组织 as the five columns summed", () => {
      const text = "本年度共收到政府信息公开申请119件，其中自然人100件，法人或其他组织19件。";
      expect(r8(report(text, county))).toEqual([]);
      const wrong = "本年度共收到政府信息公开申请119件，其中自然人申请99件，法人或其他组织提出申请20件。";
      const findings = r8(report(wrong, county));
      expect(findings.map((f) => f.cells[0])).toEqual(["applications.received.natural", "applications.received.business"]);
      expect(findings[1]?.cells).toContain("applications.received.otherOrg");
    });

    it("outcomes: 予以公开, 部分公开", () => {
      expect(r8(report("共办结申请120件，其中予以公开90件，部分公开30件。", county))).toEqual([]);
      expect(marked(report("共办结申请120件，其中予以公开95件，部分公开25件。", county))).toEqual(["95件", "25件"]);
      expect(marked(report("共办结申请120件，其中不予公开1件，无法提供2件，不予处理3件。", county))).toEqual([
        "1件",
        "2件",
        "3件",
      ]);
    });

    it("Chinese numerals and full-width digits count", () => {
      const small = { "applications.received.natural": 12, "applications.granted.natural": 12 };
      expect(r8(report("本年新收政府信息公开申请十二件，共办理十二件。", small))).toEqual([]);
      expect(marked(report("本年新收政府信息公开申请两件。", small))).toEqual(["两件"]);
      expect(r8(report("本年新收政府信息公开申请１２件。", small))).toEqual([]);
      expect(marked(report("本年新收政府信息公开申请１３件。", small))).toEqual(["１３件"]);
      expect(marked(report("本年新收政府信息公开申请一百零五件。", small))).toEqual(["一百零五件"]);
    });

    it("a figure of 0 against a table with some", () => {
      expect(marked(report("全年收到政府信息公开申请0件。", { "applications.received.natural": 3 }))).toEqual(["0件"]);
    });
  });

  describe("“没有收到申请” against table 三", () => {
    const sentence = "2023年，我镇没有收到书面或其他形式要求公开政府信息的申请。";

    it("contradicts a table that received some", () => {
      const findings = r8(report(sentence, { "applications.received.natural": 3 }));
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).toBe(
        `正文中的数字应与表格一致：正文“${sentence}”称没有收到申请，表三“本年新收政府信息公开申请数量”总计为3件`,
      );
      expect(findings[0]?.quote?.mark).toEqual({ start: 8, end: 30 });
      expect(findings[0]?.key).toBe(`${textKey(sentence)}:receivedNone`);
    });

    it("agrees with a table of zeros; carried-over applications are not new ones", () => {
      expect(r8(report(sentence))).toEqual([]);
      expect(r8(report(sentence, { "applications.carriedOver.natural": 1, "applications.granted.natural": 1 }))).toEqual([]);
    });

    it("the reverse: the text says some, the table none", () => {
      expect(marked(report("2023年，我镇共收到政府信息公开申请3件。"))).toEqual(["3件"]);
    });

    it("未受理…申请 and 未收到…申请 too, but not one column's or another matter's", () => {
      const some = { "applications.received.natural": 3 };
      expect(r8(report("本年度未受理政府信息公开申请。", some))).toHaveLength(1);
      expect(r8(report("本年度收到自然人申请3件，未收到法人或其他组织的申请。", some))).toEqual([]);
      expect(r8(report("本年度未收到行政复议申请。", some))).toEqual([]);
      expect(r8(report("本年度收到申请3件，其中未受理的申请2件。", some))).toEqual([]);
    });

    it("a 2024 report started from last year's text", () => {
      const stale = report(sentence, { "applications.received.natural": 3 }, { year: 2024, signedOn: "2025-01-20" });
      expect(r8(stale).map((f) => f.rule)).toEqual(["R8"]);
    });
  });

  describe("复议 and 诉讼", () => {
    const cases = { "appeals.review.upheld": 6, "appeals.litigationDirect.upheld": 2, "appeals.litigationAfterReview.pending": 1 };

    it("each count and the two together", () => {
      expect(marked(report("全年发生行政复议、行政诉讼案件共10件，其中行政复议6件，行政诉讼4件。", cases))).toEqual([
        "10件",
        "4件",
      ]);
      expect(marked(report("行政复议和行政诉讼共9件，其中行政复议5件。", cases))).toEqual(["5件"]);
    });

    it("诉讼 split into 未经复议直接起诉 and 复议后起诉", () => {
      expect(r8(report("未经复议直接起诉2件，复议后提起行政诉讼1件。", cases))).toEqual([]);
      expect(marked(report("未经复议直接起诉1件，复议后起诉2件。", cases))).toEqual(["1件", "2件"]);
    });

    it("“没有发生行政复议、行政诉讼” against a table with cases", () => {
      expect(r8(report("本年度未发生因政府信息公开引起的行政复议、行政诉讼。"))).toEqual([]);
      const findings = r8(report("本年度未发生因政府信息公开引起的行政复议、行政诉讼。", cases));
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).toContain("称没有行政复议、行政诉讼");
    });

    it("the remedy told to an applicant is not a statement of none", () => {
      expect(r8(report("对不予公开的申请，均告知申请人可依法申请行政复议或提起行政诉讼。", cases))).toEqual([]);
      expect(r8(report("未予公开的申请均告知其可申请行政复议或提起行政诉讼的权利。", cases))).toEqual([]);
    });

    it("a result of review is a part, not the total", () => {
      expect(r8(report("全年行政复议6件，其中结果纠正的行政复议1件。", cases))).toEqual([]);
    });
  });

  describe("主动公开 against the catalog", () => {
    const text = "2023年我镇政务公开平台主动公布信息528条。";

    it("only when the catalog has the year", () => {
      expect(r8(report(text, {}, { catalog: null }))).toEqual([]);
      expect(r8(report(text, {}, { catalog: { total: 528, cells: {} } }))).toEqual([]);
      const findings = r8(report(text, {}, { catalog: { total: 600, cells: {} } }));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ cells: [] });
      expect(findings[0]?.message).toContain("称主动公布信息528条，本单位信息公开目录中本年主动公开的信息为600条");
    });

    it("other wordings of the total", () => {
      const catalog = { total: 600, cells: {} };
      expect(marked(report("全年主动公开政府信息1,200条。", {}, { catalog }))).toEqual(["1,200条"]);
      expect(marked(report("本年度共主动公开信息 528 条。", {}, { catalog }))).toEqual(["528 条"]);
      expect(r8(report("全年主动公开各类信息600条。", {}, { catalog }))).toEqual([]);
    });

    it("parts by field or channel are not the total", () => {
      const catalog = { total: 528, cells: {} };
      const parts = [
        "基础信息发布领域包含政策文件等各方面，全年共发布信息346条。",
        "其中主动公开基础信息346条。",
        "通过政府网站主动公开信息300条。",
        "2023年全镇发布“监督保障”类信息5条。",
        "全镇主动公开“两化”专区信息182条。",
      ];
      for (const text of parts) expect(r8(report(text, {}, { catalog })), text).toEqual([]);
    });
  });

  describe("table 二: 行政许可, 行政处罚, 行政强制 and the fee", () => {
    const decided = { "active.license.decisions": 58, "active.penalty.decisions": 35, "active.enforcement.decisions": 10 };

    it("decisions", () => {
      expect(r8(report("全年办理行政许可58件，作出行政处罚决定35件，行政强制10件。", decided))).toEqual([]);
      const findings = r8(report("全年办理行政许可60件，行政处罚35件，行政强制措施9件。", decided));
      expect(findings.map((f) => f.cells)).toEqual([["active.license.decisions"], ["active.enforcement.decisions"]]);
      expect(findings[0]?.message).toContain("称行政许可60件，表二“行政许可 本年处理决定数量”为58件");
    });

    it("applications for a licence are not decisions", () => {
      expect(r8(report("受理行政许可申请70件。", decided))).toEqual([]);
    });

    it("行政事业性收费 in 元 or 万元 against the amount in 万元", () => {
      const fee = { "active.fee.amount": 26.55 };
      expect(r8(report("本年度行政事业性收费26.55万元。", fee))).toEqual([]);
      expect(r8(report("本年度行政事业性收费金额为265500元。", fee))).toEqual([]);
      expect(r8(report("本年度行政事业性收费26.6万元。", fee))).toEqual([]);
      expect(r8(report("本年度行政事业性收费27万元。", fee))).toEqual([]); // rounded to whole 万元
      expect(marked(report("本年度行政事业性收费28万元。", fee))).toEqual(["28万元"]);
      expect(marked(report("本年度行政事业性收费26.4万元。", fee))).toEqual(["26.4万元"]);
      expect(marked(report("本年度行政事业性收费265000元。", fee))).toEqual(["265000元"]);
      expect(marked(report("本年度没有产生行政事业性收费。", fee))).toEqual(["没有产生行政事业性收费"]);
    });

    it("the 信息处理费 of applications is not 行政事业性收费", () => {
      const fee = { "active.fee.amount": 26.55 };
      expect(r8(report("本年度没有产生信息公开处理费。", fee))).toEqual([]);
      expect(r8(report("本年度收取信息处理费200元。", fee))).toEqual([]);
    });
  });

  describe("numbers that are not the year's figures are left alone", () => {
    // This year 8 applications were received; the other numbers are of other things or years.
    const eight = { "applications.received.natural": 8, "applications.granted.natural": 8 };
    it.each([
      "2023年1月1日至12月31日，我镇召开会议3次，培训2次。",
      "从社会各界人士中抽选5名监督员参加。",
      "1.受理情况分析。（一）依申请公开。一是严格制度规范。",
      "全年共受理政府信息公开申请8件，较2022年增加3件。",
      "全年共受理政府信息公开申请8件，同比增加12件。",
      "上年度收到申请5件。",
      "上年度没有收到政府信息公开申请。",
      "上年度共收到政府信息公开申请5件，本年度收到政府信息公开申请8件。",
      "与上年相比，受理申请同比增加12件。",
      "本年新收申请比上年减少3件。",
      "全年共受理申请约100件。",
      "2022年收到申请5件，2023年收到申请8件。",
      "力争明年主动公开信息1000条。",
      "共办理人大代表建议5件，政协提案3件。",
      "共受理申请8件，其中通过网上平台收到申请5件。",
      "共受理申请8件，全部办结，其中按时办结7件，未办结0件。",
    ])("%s", (text) => {
      expect(r8(report(text, eight, { catalog: { total: 0, cells: {} } }))).toEqual([]);
    });

    it("a paragraph without 申请 gives bare “共办理N件” no meaning", () => {
      expect(r8(report("共办理民生实事10件。"))).toEqual([]);
    });

    it("a table not yet filled in is not compared", () => {
      const input = report("本年新收政府信息公开申请3件。");
      const values = { ...input.values, "applications.received.total": null };
      expect(r8({ ...input, values })).toEqual([]);
    });
  });

  describe("the 雷官镇 2023 sample, its real text against its real tables", () => {
    const sample = readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8");
    const parsed = parseTextReport(sample, format2021);
    const input = (catalog: RuleInput["catalog"]): RuleInput => ({
      ...report(""),
      values: parsed.values,
      sections: parsed.sections,
      catalog,
    });

    it("is clean when the catalog counts 528 items, or has no items for the year", () => {
      expect(r8(input({ total: 528, cells: {} }))).toEqual([]);
      expect(r8(input(null))).toEqual([]);
    });

    it("finds only 主动公布信息528条 when the catalog counts 600", () => {
      const findings = r8(input({ total: 600, cells: {} }));
      expect(findings).toHaveLength(1);
      expect(findings[0]?.quote?.text).toBe("2023年我镇政务公开平台主动公布信息528条。");
      expect(marked(input({ total: 600, cells: {} }))).toEqual(["528条"]);
    });
  });
});
