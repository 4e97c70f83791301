import { describe, expect, it } from "vitest";
import { emptyValues, format2021, narrativeBlocks, toOpenData } from "@/lib/report-format";

describe("open-data JSON", () => {
  const values = { ...emptyValues(format2021), "active.license.decisions": 58, "active.fee.amount": 26.55 };
  const json = toOpenData({
    format: format2021,
    organization: { name: "来安县雷官镇人民政府", code: null, parent: "来安县人民政府" },
    year: 2023,
    title: "来安县雷官镇人民政府2023年政府信息公开工作年度报告",
    revision: 1,
    publishedAt: new Date("2024-01-24T01:00:00Z"),
    signatureLine: "雷官镇人民政府",
    signedOn: "2024-01-24",
    sections: { overview: "（一）主动公开\n正文", problems: "问题", other: "无" },
    values,
  });

  it("follows the nianbao.report/1 shape with the format's keys", () => {
    expect(json.schema).toBe("nianbao.report/1");
    expect(json.format).toBe("2021");
    expect(json.publishedAt).toBe("2024-01-24T09:00:00+08:00");
    expect(json.signedBy).toBe("雷官镇人民政府");
    expect(Object.keys(json.sections)).toEqual(["overview", "problems", "other"]);
    expect(Object.keys(json.tables)).toEqual(["active", "applications", "appeals"]);
    expect(json.tables.active).toMatchObject({
      regulation: { issued: null, repealed: null, inForce: null },
      license: { decisions: 58 },
      fee: { amount: 26.55 },
    });
    expect(Object.keys(json.tables.applications!)).toHaveLength(25);
    expect(Object.keys(json.tables.applications!.received!)).toEqual([
      "natural", "business", "research", "publicInterest", "legal", "otherOrg", "total",
    ]);
    expect(Object.keys(json.tables.appeals!)).toEqual(["review", "litigationDirect", "litigationAfterReview"]);
  });
});

describe("narrative text", () => {
  it("splits into sub-headings and paragraphs, dropping blank lines", () => {
    expect(narrativeBlocks("（一）主动公开\n\n2023年我镇……\n（十二）其他\n一是……")).toEqual([
      { kind: "subheading", text: "（一）主动公开" },
      { kind: "paragraph", text: "2023年我镇……" },
      { kind: "subheading", text: "（十二）其他" },
      { kind: "paragraph", text: "一是……" },
    ]);
  });

  it("keeps a long paragraph that opens with a numbered bracket as a paragraph", () => {
    const text = "（一）存在问题。2023年，我镇政务公开工作虽然取得了积极进展，但仍存在一些不足。";
    expect(narrativeBlocks(text)).toEqual([{ kind: "paragraph", text }]);
  });
});
