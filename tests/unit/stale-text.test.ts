import { describe, expect, it } from "vitest";
import { checkReport, format2021, type Finding } from "@/lib/report-format";
import { checkStaleText, findStaleYear } from "@/lib/report-format/narrative/stale-text";
import { input, sample } from "./narrative-input";


const staleOf = (findings: Finding[]) => findings.filter((f) => f.rule === "stale-year");
const marked = (f: Finding) => (f.quote?.mark ? f.quote.text.slice(f.quote.mark.start, f.quote.mark.end) : null);
const stale = (sentence: string, year = 2024) => findStaleYear(sentence, year, format2021.narrative.text) !== null;

describe("stale-year: last year stated as the report year", () => {
  it("flags the 2023 sample's sentences when its text is sent as the 2024 report", () => {
    const found = staleOf(checkStaleText(input(sample)));
    expect(found.map((f) => [f.section, f.quote?.text.trim()])).toEqual([
      ["overview", "2023年我镇政务公开平台主动公布信息528条。"],
      ["overview", "2023年，我镇没有收到书面或其他形式要求公开政府信息的申请。"],
      ["overview", "我镇持续开展法规、规章和规范性文件清理及发布工作，2023年未发布新的规范性文件。"],
      ["overview", "线上公开情况：2023年全年涉及主动公开各个领域及标准化规范化专题领域均按照政务公开事项标准目录清单进行及时性准确性更新，保证雷官镇人民政府信息的公开透明。"],
      ["overview", "线下公开情况：2023年我镇已建成具备信息查询、办事咨询、自助办理、依申请公开办理等功能的“一站化”政务公开专区。"],
      ["overview", "2023年全镇发布“监督保障”类信息5条。"],
      ["overview", "在责任追究方面，2023年我镇未出现因信息公开不到位需要进行责任追究的情况。"],
      ["problems", "2023年，我镇政务公开工作虽然取得了积极进展，但仍存在一些不足。"],
    ]);
    expect(found.every((f) => f.severity === "warning" && marked(f) === "2023年")).toBe(true);
    expect(found[0]?.message).toBe(
      "正文应写本报告年度的情况，这里写的是往年：“2023年我镇政务公开平台主动公布信息528条。”写的是2023年，本报告为2024年度",
    );
  });

  it("finds nothing stale in the sample as the 2023 report it is", () => {
    expect(staleOf(checkStaleText(input(sample, { year: 2023 })))).toEqual([]);
  });

  it.each([
    "2023年，我镇共主动公开政府信息528条。",
    "2023年我局政务公开平台主动公布信息528条。",
    "2023年全年共发布信息346条。",
    "2023年度，我镇共受理政府信息公开申请2件。",
    "一是2023年我镇制定公开《政府信息公开指南》。",
    "线上公开情况：2023年全年按照标准目录清单及时更新。",
    "在责任追究方面，2023年未出现需要进行责任追究的情况。",
  ])("flags “%s” in a 2024 report", (sentence) => {
    expect(stale(sentence)).toBe(true);
  });

  it.each([
    "全年共主动公开政府信息612条，较2023年增长15.9%。",
    "与2023年相比，依申请公开数量有所下降。",
    "比2023年多发布政策解读3篇。",
    "针对2023年度报告中提出的问题，我镇逐项整改。",
    "2023年，我镇在年度报告中提出的三个问题均已整改到位。",
    "自2023年以来，我镇持续推进基层政务公开标准化规范化建设。",
    "截至2023年底，全镇已建成村级公开栏12个。",
    "2023年12月，县政务公开办通报了各乡镇网站检查情况。",
    "及时制定公开《雷官镇2023年度信息公开指南》。",
    "2023年来对照目录细则做好更新维护。",
    // History two years back, the report year itself and plans for next year are not stale.
    "2022年，我镇建成政务公开专区。",
    "2024年，我镇主动公开政府信息612条。",
    "2025年，我镇将继续深化基层政务公开。",
  ])("does not flag “%s” in a 2024 report", (sentence) => {
    expect(stale(sentence)).toBe(false);
  });

  it("keys a finding by its paragraph and sentence, the same for the same text", () => {
    const paragraph = "2.受理情况分析。2023年，我镇没有收到书面或其他形式要求公开政府信息的申请。";
    const once = staleOf(checkStaleText(input({ overview: paragraph, problems: "", other: "" })));
    const again = staleOf(checkStaleText(input({ overview: `（二）依申请公开\n${paragraph}`, problems: "", other: "" })));
    expect(once).toHaveLength(1);
    expect(again[0]?.key).toBe(once[0]?.key);
    const edited = staleOf(checkStaleText(input({ overview: `${paragraph}全年无行政复议。`, problems: "", other: "" })));
    expect(edited[0]?.key).not.toBe(once[0]?.key);
  });

  it("shows last year's like paragraph beside a stale sentence whose figures were updated", () => {
    const thisYear = "2023年我镇政务公开平台主动公布信息612条。基础信息发布领域包含政策文件、决策公开、行政权力、财政专项资金等各方面，全年共发布信息401条。";
    const [found] = staleOf(checkStaleText(input({ overview: thisYear, problems: "", other: "" }, { previousSections: sample })));
    expect(found?.beside).toEqual({
      label: "上一年度报告",
      text: "2023年我镇政务公开平台主动公布信息528条。基础信息发布领域包含政策文件、决策公开、行政权力、财政专项资金等各方面，2023年来对照目录细则做好更新维护，全年共发布信息346条。持续做好基层“两化”专区栏目信息更新维护工作，全年共发布“两化”专区信息182条。",
    });
  });

  it("runs from checkReport when the narrative is given", () => {
    const rules = checkReport(input(sample)).map((f) => f.rule);
    expect(rules.filter((r) => r === "stale-year")).toHaveLength(8);
  });
});

describe("unchanged-paragraph: copied word for word from last year's report", () => {
  const unchangedOf = (findings: Finding[]) => findings.filter((f) => f.rule === "unchanged-paragraph");

  it("flags every substantial paragraph of the sample sent again as next year's report", () => {
    const found = unchangedOf(checkStaleText(input(sample, { previousSections: sample })));
    // 11 paragraphs of 一 and 8 of 五 less the short transition "为解决以上问题，我镇将采取以下举措进行改进。";
    // sub-headings and 六's 信息处理费 clause (template text) are left out.
    expect(found).toHaveLength(18);
    expect(found.filter((f) => f.section === "overview")).toHaveLength(11);
    expect(found.every((f) => f.beside?.label === "上一年度报告" && f.beside.text === f.quote?.text)).toBe(true);
    expect(found.map((f) => f.quote?.text)).not.toContain("为解决以上问题，我镇将采取以下举措进行改进。");
  });

  it("finds the paragraph in any section of last year's report, whitespace ignored", () => {
    const paragraph = "二是规范政府信息审核发布。按照政府信息公开相关要求，严格落实政府信息审查工作，由党政办和宣传部门经办同志，负责政府信息审查工作。";
    const found = unchangedOf(
      checkStaleText(
        input({ overview: "（三）政府信息管理", problems: "", other: paragraph.replace("。按照", "。 按照") }, {
          previousSections: { overview: `（三）政府信息管理\n${paragraph}`, problems: "", other: "" },
        }),
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ section: "other", beside: { label: "上一年度报告", text: paragraph } });
  });

  it("does not flag a paragraph whose figures were updated", () => {
    const last = "2023年我镇政务公开平台主动公布信息528条，其中基础信息346条、“两化”专区信息182条。";
    const now = "2024年我镇政务公开平台主动公布信息612条，其中基础信息401条、“两化”专区信息211条。";
    const found = unchangedOf(
      checkStaleText(input({ overview: now, problems: "", other: "" }, { previousSections: { overview: last } })),
    );
    expect(found).toEqual([]);
  });

  it("leaves what may stay the same every year: 无, short lines and the 信息处理费 clause", () => {
    const sections = {
      overview: "（一）主动公开",
      problems: "本年度无其他需要报告的问题。",
      other: `无\n${sample.other}`,
    };
    expect(unchangedOf(checkStaleText(input(sections, { previousSections: sections })))).toEqual([]);
  });
});
