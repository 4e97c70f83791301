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

  it("gives a cell sent as true, {} or [1] the cell's own message, as any other bad input", () => {
    for (const sent of [true, {}, [1]]) {
      const result = schema.safeParse({ ...valid, cells: { ...valid.cells, "active.penalty.decisions": sent, "active.fee.amount": sent } });
      expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["cells.active.penalty.decisions", "请输入非负整数"],
        ["cells.active.fee.amount", "请输入金额数字（单位：万元）"],
      ]);
    }
  });

  it("refuses a direction override in the title and 落款 with a message", () => {
    const result = schema.safeParse({ ...valid, title: "雷官镇\u202E告报度年", signatureLine: "雷官镇\u2066人民政府\u2069" });
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["title", expect.stringContaining("改变文字显示方向")],
      ["signatureLine", expect.stringContaining("改变文字显示方向")],
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

describe("password policy: long passphrases", () => {
  it("accepts 16 characters or more whatever their classes, and keeps the class rule for shorter ones", async () => {
    const { passwordSchema, passwordExpired, authPolicy } = await import("@/lib/auth/policy");
    const schema = passwordSchema();
    expect(schema.safeParse("correct horse battery staple").success).toBe(true);
    expect(schema.safeParse("春风又绿江南岸，明月何时照我还乡").success).toBe(true);
    expect(schema.safeParse("abcdefghijklmno").success).toBe(false);
    expect(schema.safeParse("Abcdefg1").success).toBe(true);
    const policy = { ...authPolicy(), PASSWORD_MAX_AGE_DAYS: 90 };
    const now = new Date("2026-12-01T00:00:00Z");
    expect(passwordExpired(new Date("2026-08-01T00:00:00Z"), policy, now)).toBe(true);
    expect(passwordExpired(new Date("2026-10-01T00:00:00Z"), policy, now)).toBe(false);
    expect(passwordExpired(new Date("2020-01-01T00:00:00Z"), authPolicy(), now)).toBe(false); // off by default
  });
});
