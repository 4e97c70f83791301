import { describe, expect, it } from "vitest";
import { emptyValues, format2021, type RuleInput } from "@/lib/report-format";
import { checkPercentages } from "@/lib/report-format/narrative/percentages";
import { textKey } from "@/lib/report-format/narrative/text";

const zeros = Object.fromEntries(Object.keys(emptyValues(format2021)).map((k) => [k, 0]));

function report(overview: string): RuleInput {
  return {
    format: format2021,
    organization: { name: "某县人民政府办公室", kind: "TOWNSHIP" },
    year: 2023,
    title: "某县人民政府办公室2023年政府信息公开工作年度报告",
    signedOn: "2024-01-24",
    values: zeros,
    sections: { overview, problems: "无", other: "无" },
  };
}

const check = (text: string) => checkPercentages(report(text));
const marks = (text: string) =>
  check(text).map((f) => f.quote && f.quote.text.slice(f.quote.mark?.start, f.quote.mark?.end));

describe("percentage: a share agrees with its part and whole", () => {
  it("agrees to the precision shown (half a unit of the last digit)", () => {
    expect(check("共受理申请128件，其中予以公开100件，占78.1%。")).toEqual([]); // 78.125
    expect(check("共受理申请128件，其中予以公开100件，占78.13%。")).toEqual([]);
    expect(check("共受理申请128件，其中予以公开100件，占比78％。")).toEqual([]);
    expect(check("共受理申请３件，其中予以公开１件，占33.3%。")).toEqual([]);
  });

  it("finds a share that does not", () => {
    const text = "共受理申请128件，其中予以公开100件，占80.5%。";
    const findings = check(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "percentage",
      severity: "warning",
      section: "overview",
      key: `${textKey(text)}:percentage:1`,
      message: `正文中的百分比应与同一句中的数字相符：正文“${text}”中100件占128件应为78.1%，写作80.5%`,
    });
    expect(marks(text)).toEqual(["80.5%"]);
    expect(marks("共受理申请128件，其中予以公开100件，占78.2%。")).toEqual(["78.2%"]);
  });

  it("reads several parts of one whole after 其中", () => {
    const text = "全年共受理申请128件，其中予以公开100件，占78.1%，部分公开20件，占15.6%，不予公开8件，占7.3%。";
    expect(marks(text)).toEqual(["7.3%"]); // 8/128 = 6.25%
  });

  it("Chinese numerals count", () => {
    expect(check("共收到申请十件，其中予以公开五件，占50%。")).toEqual([]);
    expect(marks("共收到申请十件，其中予以公开三件，占50%。")).toEqual(["50%"]);
  });

  it("a whole of items disclosed", () => {
    expect(check("全年主动公开信息528条，其中基础信息346条，占65.5%。")).toEqual([]);
  });

  describe("leaves alone what is not unambiguous", () => {
    it.each([
      // The whole is not in the sentence.
      "予以公开100件，占全部申请的78.1%。",
      "予以公开100件，部分公开28件，占21.9%。",
      // Several parts without 其中: which is the whole?
      "共受理申请128件，予以公开100件，占78.1%，部分公开20件，占15.6%。",
      // Rates and changes.
      "共受理申请128件，按时办结128件，办结率100%。",
      "共受理申请128件，较上年增长12件，增长10.3%。",
      // A percentage that is not a share.
      "共受理申请128件，其中予以公开100件，满意度达95%。",
      // Units differ.
      "共主动公开信息528条，其中行政许可58件，占11%。",
      // A part larger than the whole.
      "共受理申请12件，其中予以公开100件，占50%。",
      // No percentage at all.
      "全年共受理政府信息公开申请128件，其中本年新收119件，上年结转9件。",
    ])("%s", (text) => {
      expect(check(text)).toEqual([]);
    });
  });
});
