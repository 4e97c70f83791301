import { describe, expect, it } from "vitest";
import {
  checkReport,
  emptyValues,
  format2021,
  hasBlockingErrors,
  withComputedTotals,
  type RuleInput,
} from "@/lib/report-format";

const ORG = { name: "来安县雷官镇人民政府", kind: "TOWNSHIP" as const };

/** A clean 2023 report: every cell 0, right title, signed in January 2024. */
function cleanReport(overrides: Partial<RuleInput> = {}, cells: Record<string, number | null> = {}): RuleInput {
  const zeros = Object.fromEntries(Object.keys(emptyValues(format2021)).map((k) => [k, 0]));
  return {
    format: format2021,
    organization: ORG,
    year: 2023,
    title: "来安县雷官镇人民政府2023年政府信息公开工作年度报告",
    signedOn: "2024-01-24",
    values: { ...zeros, ...cells },
    ...overrides,
  };
}

const rulesOf = (input: RuleInput) => checkReport(input).map((f) => f.rule);

describe("the rule engine", () => {
  it("gives every rule a Chinese name, a statement and a scope", () => {
    for (const meta of Object.values(format2021.rules.meta)) {
      expect(meta.name).toMatch(/\p{Script=Han}/u);
      expect(meta.statement.length).toBeGreaterThan(4);
      expect(["cells", "field", "narrative", "report"]).toContain(meta.scope);
    }
  });

  it("finds nothing in a clean report", () => {
    expect(checkReport(cleanReport())).toEqual([]);
  });

  describe("R1: per column 一 + 二 = （七）总计 + 四", () => {
    it("passes when the column balances", () => {
      const input = cleanReport(
        {},
        withComputedTotals(format2021, {
          ...cleanReport().values,
          "applications.received.natural": 3,
          "applications.granted.natural": 2,
          "applications.carriedForward.natural": 1,
        }),
      );
      expect(checkReport(input)).toEqual([]);
    });

    it("fails with the numbers, in plain words", () => {
      const values = withComputedTotals(format2021, {
        ...cleanReport().values,
        "applications.received.natural": 3,
        "applications.granted.natural": 2,
      });
      const findings = checkReport(cleanReport({ values }));
      expect(findings).toHaveLength(2); // 自然人 and 总计 columns
      expect(findings[0]).toMatchObject({
        rule: "R1",
        severity: "error",
        message: "第一项加第二项之和应等于第三项加第四项之和：自然人列 3 + 0 ≠ 2 + 0",
      });
      expect(findings[0]!.cells).toContain("applications.received.natural");
      expect(hasBlockingErrors(findings)).toBe(true);
    });

    it("checks a partly filled column, reading empty cells as 0", () => {
      const values = withComputedTotals(format2021, {
        ...emptyValues(format2021),
        "applications.received.natural": 3,
        "applications.granted.natural": 2,
      });
      const r1 = checkReport(cleanReport({ values })).filter((f) => f.rule === "R1");
      expect(r1.map((f) => f.message)).toEqual([
        "第一项加第二项之和应等于第三项加第四项之和：自然人列 3 + 0 ≠ 2 + 0",
        "第一项加第二项之和应等于第三项加第四项之和：总计列 3 + 0 ≠ 2 + 0",
      ]);
    });
  });

  describe("R2: 总计 = the six applicant columns", () => {
    it("passes when computed", () => {
      const values = withComputedTotals(format2021, {
        ...cleanReport().values,
        "applications.received.business": 4,
        "applications.granted.business": 4,
      });
      expect(values["applications.received.total"]).toBe(4);
      expect(checkReport(cleanReport({ values }))).toEqual([]);
    });

    it("fails when a typed total disagrees", () => {
      const findings = checkReport(cleanReport({}, { "applications.carriedOver.total": 5 }));
      const r2 = findings.find((f) => f.rule === "R2");
      expect(r2?.message).toBe(
        "总计应等于各类申请人数量之和：二、上年结转政府信息公开申请数量 0 + 0 + 0 + 0 + 0 + 0 ≠ 5",
      );
      expect(r2?.severity).toBe("error");
    });
  });

  describe("R3: （七）总计 = （一） to （六）", () => {
    it("passes when computed", () => {
      const values = withComputedTotals(format2021, {
        ...cleanReport().values,
        "applications.received.legal": 2,
        "applications.denyThirdParty.legal": 1,
        "applications.otherOther.legal": 1,
      });
      expect(values["applications.outcomeTotal.legal"]).toBe(2);
      expect(checkReport(cleanReport({ values }))).toEqual([]);
    });

    it("fails when the outcome total disagrees with its parts", () => {
      const findings = checkReport(
        cleanReport({}, { "applications.denyStateSecret.research": 1, "applications.denyStateSecret.total": 1 }),
      );
      const r3 = findings.find((f) => f.rule === "R3");
      expect(r3?.message).toBe("（七）总计应等于（一）至（六）各项之和：科研机构列 各项之和 1 ≠ 0");
    });
  });

  describe("R4: table 四 总计 = 维持 + 纠正 + 其他 + 尚未审结", () => {
    it("passes when computed", () => {
      const values = withComputedTotals(format2021, { ...cleanReport().values, "appeals.review.upheld": 2 });
      expect(values["appeals.review.total"]).toBe(2);
      expect(checkReport(cleanReport({ values }))).toEqual([]);
    });

    it("fails when a group's total disagrees", () => {
      const findings = checkReport(cleanReport({}, { "appeals.litigationDirect.pending": 1 }));
      expect(findings).toEqual([
        expect.objectContaining({
          rule: "R4",
          message:
            "总计应等于结果维持、结果纠正、其他结果、尚未审结之和：行政诉讼 未经复议直接起诉 0 + 0 + 0 + 1 ≠ 0",
        }),
      ]);
    });
  });

  describe("R10: counts are non-negative integers, the amount has at most 4 decimals", () => {
    it("passes integers and a 4-decimal amount", () => {
      expect(checkReport(cleanReport({}, { "active.fee.amount": 26.5512, "active.license.decisions": 58 }))).toEqual([]);
    });

    it.each([
      ["active.license.decisions", -1, "行政许可 本年处理决定数量 -1：不能为负数"],
      ["active.penalty.decisions", 1.5, "行政处罚 本年处理决定数量 1.5：件数应为整数，不能有小数"],
      ["active.fee.amount", 1.23456, "行政事业性收费 本年收费金额（单位：万元） 1.23456：金额最多保留4位小数"],
    ])("fails %s = %j", (key, value, detail) => {
      const findings = checkReport(cleanReport({}, { [key]: value }));
      expect(findings).toEqual([
        {
          rule: "R10",
          severity: "error",
          message: `件数应为非负整数，收费金额应为非负数且最多保留4位小数：${detail}`,
          cells: [key],
        },
      ]);
    });
  });

  describe("empty cells: one finding for all of them, with the fix the screens offer", () => {
    it("names one empty cell", () => {
      expect(checkReport(cleanReport({}, { "active.enforcement.decisions": null }))).toEqual([
        {
          rule: "empty-cells",
          severity: "error",
          message: "表格每个单元格都应填写，没有数据请填 0：行政强制 本年处理决定数量 未填写",
          cells: ["active.enforcement.decisions"],
        },
      ]);
    });

    it("counts a fresh report's 200 empty cells as one finding", () => {
      const findings = checkReport(cleanReport({ values: {} }));
      const empty = findings.filter((f) => f.rule === "empty-cells");
      expect(empty).toHaveLength(1);
      expect(empty[0]!.cells).toHaveLength(200);
      expect(empty[0]!.message).toContain("200 个单元格未填写");
      expect(findings.filter((f) => f.rule === "R10")).toEqual([]);
      expect(format2021.rules.meta["empty-cells"].fix).toBe("fill-cells-with-zero");
    });
  });

  describe("R6: 上年结转 = last year's 结转下年度继续办理 (warning)", () => {
    const previous = { ...cleanReport().values, "applications.carriedForward.natural": 2 };
    it("passes when carried over", () => {
      const values = withComputedTotals(format2021, {
        ...cleanReport().values,
        "applications.carriedOver.natural": 2,
        "applications.granted.natural": 2,
      });
      const prev = withComputedTotals(format2021, previous);
      expect(checkReport(cleanReport({ values, previous: prev }))).toEqual([]);
    });

    it("warns when this year's carry-over differs", () => {
      const findings = checkReport(cleanReport({ previous: withComputedTotals(format2021, previous) }));
      expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
        ["R6", "warning", "上年结转数应等于上一年度报告的结转下年度继续办理数：自然人列 本年填报 0，上年结转下年度继续办理为 2"],
        ["R6", "warning", "上年结转数应等于上一年度报告的结转下年度继续办理数：总计列 本年填报 0，上年结转下年度继续办理为 2"],
      ]);
      expect(hasBlockingErrors(findings)).toBe(false);
    });
  });

  describe("R7: 现行有效 = last year's + 制发 − 废止 (warning)", () => {
    const previous = { ...cleanReport().values, "active.normative.inForce": 5 };
    it("passes when the stock carries over", () => {
      const input = cleanReport(
        { previous },
        { "active.normative.issued": 2, "active.normative.repealed": 1, "active.normative.inForce": 6 },
      );
      expect(checkReport(input)).toEqual([]);
    });

    it("warns when it does not", () => {
      const input = cleanReport({ previous }, { "active.normative.issued": 2, "active.normative.inForce": 6 });
      expect(checkReport(input)).toEqual([
        {
          rule: "R7",
          severity: "warning",
          message: "现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数：行政规范性文件 6 ≠ 上年 5 + 制发 2 − 废止 0",
          cells: ["active.normative.inForce"],
        },
      ]);
    });
  });

  describe("R11: a township reports no 规章 (warning)", () => {
    it("passes with zeros", () => {
      expect(rulesOf(cleanReport())).not.toContain("R11");
    });

    it("warns on the 2/0/2 mistake", () => {
      const findings = checkReport(cleanReport({}, { "active.regulation.issued": 2, "active.regulation.inForce": 2 }));
      expect(findings).toEqual([
        expect.objectContaining({
          rule: "R11",
          severity: "warning",
          cells: ["active.regulation.issued", "active.regulation.inForce"],
        }),
      ]);
    });
  });

  describe("R12: 废止 ≤ last year's 现行有效 + 本年制发 (warning)", () => {
    const previous = { ...cleanReport().values, "active.normative.inForce": 1 };
    it("passes when no more are repealed than existed", () => {
      expect(rulesOf(cleanReport({ previous }, { "active.normative.repealed": 1 }))).not.toContain("R12");
    });

    it("warns when more are repealed than existed", () => {
      const findings = checkReport(
        cleanReport({ previous }, { "active.normative.repealed": 3, "active.normative.inForce": 0 }),
      );
      expect(findings.map((f) => f.rule)).toContain("R12");
      expect(findings.find((f) => f.rule === "R12")!.message).toContain("废止 3 > 上年现行有效 1 + 本年制发 0");
    });
  });

  describe("the title check (warning)", () => {
    it("passes the exact title", () => {
      expect(rulesOf(cleanReport())).not.toContain("title");
    });

    it.each([
      "来安县雷官镇人民政府2023年政府信息公开工作报告",
      "来安县雷官镇人民政府2022年政府信息公开工作年度报告",
      "来安县雷官镇人民政府2023年政府信息公开年度报告",
    ])("warns on %s", (title) => {
      const findings = checkReport(cleanReport({ title }));
      expect(findings).toEqual([expect.objectContaining({ rule: "title", severity: "warning", field: "title" })]);
    });
  });

  describe("the signature-date check (warning)", () => {
    it("passes a date in January of the following year", () => {
      expect(rulesOf(cleanReport({ signedOn: "2024-01-31" }))).toEqual([]);
    });

    it("warns on a date inside the report year", () => {
      expect(checkReport(cleanReport({ signedOn: "2023-01-24" }))).toEqual([
        {
          rule: "signature-date",
          severity: "warning",
          message: "落款日期应在报告年度的次年、报送期限之前：2023年1月24日在报告年度内，应在2024年，年份可能有误",
          cells: [],
          field: "signedOn",
        },
      ]);
    });

    it("warns on a date after the deadline; a missing date is a field to fill", () => {
      expect(checkReport(cleanReport({ signedOn: "2024-02-01" }))[0]?.message).toContain("晚于报送期限2024年1月31日");
      expect(checkReport(cleanReport({ signedOn: null }))).toEqual([
        { rule: "signature-missing", severity: "error", message: "落款日期未填写：请填写落款日期", cells: [], field: "signedOn" },
      ]);
    });

    it("allows a county government until 31 March", () => {
      const county = { name: "来安县人民政府", kind: "COUNTY_GOVERNMENT" as const };
      const input = cleanReport({
        organization: county,
        title: "来安县人民政府2023年政府信息公开工作年度报告",
        signedOn: "2024-03-31",
      });
      expect(checkReport(input)).toEqual([]);
    });
  });

  describe("the format-version check (warning)", () => {
    it("warns when the 2021 format is used for a 2020 report", () => {
      const input = cleanReport({
        year: 2020,
        title: "来安县雷官镇人民政府2020年政府信息公开工作年度报告",
        signedOn: "2021-01-20",
      });
      expect(checkReport(input)).toEqual([
        expect.objectContaining({ rule: "format-version", severity: "warning" }),
      ]);
    });
  });
});
