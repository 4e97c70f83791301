import { describe, expect, it } from "vitest";
import { emptyValues, format2021, reportContentSchema } from "@/lib/report-format";

const schema = reportContentSchema(format2021);
const valid = {
  title: "来安县雷官镇人民政府2024年政府信息公开工作年度报告",
  signatureLine: "雷官镇人民政府",
  signedOn: "2025-01-20",
  sections: { overview: "（一）主动公开\r\n正文", problems: "", other: "无" },
  cells: { ...emptyValues(format2021), "active.license.decisions": "５８", "active.fee.amount": 26.55 },
};

describe("report content validation, derived from the format", () => {
  it("accepts a draft, normalising full-width digits and line endings", () => {
    const parsed = schema.parse(valid);
    expect(parsed.cells["active.license.decisions"]).toBe(58);
    expect(parsed.cells["active.fee.amount"]).toBe(26.55);
    expect(parsed.cells["appeals.review.total"]).toBeNull();
    expect(parsed.sections.overview).toBe("（一）主动公开\n正文");
  });

  it("reports each bad cell by its key with the cell's message", () => {
    const result = schema.safeParse({
      ...valid,
      cells: { ...valid.cells, "active.penalty.decisions": "-3", "applications.received.natural": "1e9" },
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["cells.active.penalty.decisions", "不能为负数"],
      ["cells.applications.received.natural", "请输入非负整数"],
    ]);
  });

  it("refuses a huge paste into a section and a malformed date", () => {
    const result = schema.safeParse({
      ...valid,
      signedOn: "2025年1月20日",
      sections: { ...valid.sections, other: "字".repeat(1_000_000) },
    });
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      "落款日期格式应为 YYYY-MM-DD",
      "“六、其他需要报告的事项”过长（最多50000字）",
    ]);
  });

  it("reads a cell left out (a computed total) as empty", () => {
    const cells: Record<string, unknown> = { ...valid.cells };
    delete cells["appeals.review.total"];
    expect(schema.parse({ ...valid, cells }).cells["appeals.review.total"]).toBeNull();
  });

  it("ignores cells the format does not have", () => {
    const parsed = schema.parse({ ...valid, cells: { ...valid.cells, "active.secret.field": 1 } });
    expect(parsed.cells).not.toHaveProperty("active.secret.field");
  });
});
