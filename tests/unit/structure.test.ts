import { describe, expect, it } from "vitest";
import { checkReport, format2021, type Finding, type RuleInput } from "@/lib/report-format";
import { checkStructure } from "@/lib/report-format/narrative/structure";
import { input, sample } from "./narrative-input";


const ofRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const marked = (f: Finding | undefined) =>
  f?.quote?.mark ? f.quote.text.slice(f.quote.mark.start, f.quote.mark.end) : null;
const withOverview = (overview: string) => input({ ...sample, overview });

describe("section-empty", () => {
  it("finds nothing missing in the sample", () => {
    expect(ofRule(checkStructure(input(sample)), "section-empty")).toEqual([]);
  });

  it("is an error for each narrative section left empty or blank", () => {
    const found = ofRule(checkStructure(input({ overview: sample.overview, problems: " \n\u3000" })), "section-empty");
    expect(found.map((f) => [f.section, f.severity])).toEqual([
      ["problems", "error"],
      ["other", "error"],
    ]);
    expect(found[1]?.message).toBe("六个部分都应有内容，没有需要报告的事项请写“无”：“六、其他需要报告的事项”没有内容");
  });

  it("accepts “无” and a sentence saying nothing applies", () => {
    const found = checkStructure(input({ ...sample, other: "无" }));
    expect(ofRule(found, "section-empty")).toEqual([]);
    expect(ofRule(checkStructure(input({ ...sample, other: "本年度无其他需要报告的事项。" })), "section-empty")).toEqual([]);
  });

  it("blocks submission through checkReport", () => {
    const found = checkReport(input({ ...sample, other: "" }));
    expect(ofRule(found, "section-empty")).toHaveLength(1);
  });
});

describe("problems-measures", () => {
  it("accepts the sample's 五, which names problems and measures", () => {
    expect(ofRule(checkStructure(input(sample)), "problems-measures")).toEqual([]);
  });

  it("warns on problems without measures", () => {
    const problems = "一是公开内容广度深度不够，部分可公开信息不能及时准确公开。二是审校的准确性有待进一步提升。";
    const found = ofRule(checkStructure(input({ ...sample, problems })), "problems-measures");
    expect(found.map((f) => [f.key, f.message])).toEqual([
      ["measures", "“存在的主要问题及改进情况”应写明存在的问题和改进措施：未写明改进措施"],
    ]);
  });

  it("warns on measures without problems", () => {
    const problems = "下一步，我镇将组织各村信息员参加业务培训，建立公开栏月度巡查台账。";
    const found = ofRule(checkStructure(input({ ...sample, problems })), "problems-measures");
    expect(found.map((f) => f.key)).toEqual(["problems"]);
  });

  it("warns twice on “无”", () => {
    const found = ofRule(checkStructure(input({ ...sample, problems: "无" })), "problems-measures");
    expect(found.map((f) => f.key)).toEqual(["problems", "measures"]);
  });
});

describe("problems-followup", () => {
  const fresh = [
    "一是村级公开栏更新不及时，惠农补贴公示存在滞后。",
    "下一步，我镇将建立公开栏月度巡查台账，由包村干部每月拍照上报。",
  ].join("\n");

  it("warns when last year named problems and this year says nothing of them", () => {
    const [found, ...rest] = ofRule(checkStructure(input({ ...sample, problems: fresh }, { previousSections: sample })), "problems-followup");
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      section: "problems",
      severity: "warning",
      beside: { label: "上一年度报告", text: "2023年，我镇政务公开工作虽然取得了积极进展，但仍存在一些不足。" },
    });
  });

  it("accepts a report of how last year's problems were handled", () => {
    const problems = `针对上一年度报告提出的审校不严问题，我镇已落实“三审三校”，本年未再出现错别字。\n${fresh}`;
    expect(ofRule(checkStructure(input({ ...sample, problems }, { previousSections: sample })), "problems-followup")).toEqual([]);
  });

  it("asks nothing without last year's report, or when it named no problems", () => {
    expect(ofRule(checkStructure(input({ ...sample, problems: fresh })), "problems-followup")).toEqual([]);
    const previousSections = { problems: "无" };
    expect(ofRule(checkStructure(input({ ...sample, problems: fresh }, { previousSections })), "problems-followup")).toEqual([]);
  });
});

describe("statistical-period", () => {
  const period = (text: string) => ofRule(checkStructure(withOverview(`${text}\n${sample.overview}`)), "statistical-period");

  it.each([
    "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。",
    "本年度报告中所列数据的统计期限为2024年1月1日至12月31日。",
    "报告中所列数据统计期限为2024年1月1日——2024年12月31日。",
  ])("accepts “%s” in the 2024 report", (text) => {
    expect(period(text)).toEqual([]);
  });

  it("flags last year's period left in the preamble, marking it", () => {
    const text = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。";
    const [found, ...rest] = period(text);
    expect(rest).toEqual([]);
    expect(found?.section).toBe("overview");
    expect(marked(found)).toBe("2023年1月1日起至2023年12月31日");
    expect(found?.message).toContain("应为2024年1月1日至2024年12月31日");
  });

  it("flags wrong days", () => {
    expect(period("本报告中所列数据的统计期限为2024年1月1日至2024年11月30日。")).toHaveLength(1);
  });

  it("says nothing when no period is stated, or a date range is not the period", () => {
    expect(period("")).toEqual([]);
    expect(period("2024年3月1日至3月31日，我镇开展政务公开专项检查。")).toEqual([]);
  });
});

describe("superseded-citation", () => {
  const cited = (text: string, overrides: Partial<RuleInput> = {}) =>
    ofRule(checkStructure(input({ ...sample, overview: `${text}\n${sample.overview}` }, overrides)), "superseded-citation");

  it("flags the 2019 trial format in a 2021-format report, marking the citation", () => {
    const text = "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）要求，现将我镇2024年度政府信息公开工作情况报告如下。";
    const [found, ...rest] = cited(text);
    expect(rest).toEqual([]);
    expect(marked(found)).toBe("国办公开办函〔2019〕60号");
    expect(found?.message).toContain("国办公开办函〔2021〕30号");
    expect(found?.key).toMatch(/^gbgkbh-2019-60\./);
  });

  it("flags the 2007 条例", () => {
    const [found] = cited("我镇严格按照《中华人民共和国政府信息公开条例》（国务院令第492号）的要求做好依申请公开工作。");
    expect(marked(found)).toBe("国务院令第492号");
  });

  it("accepts the current documents", () => {
    expect(cited("根据《中华人民共和国政府信息公开条例》（国务院令第711号）和国办公开办函〔2021〕30号的要求编制本报告。")).toEqual([]);
  });

  it("does not flag the trial format in a format that used it", () => {
    const trial = { ...format2021, version: "2019" };
    expect(cited("按照国办公开办函〔2019〕60号的要求编制本报告。", { format: trial, year: 2020 })).toEqual([]);
  });
});
