import { describe, expect, it } from "vitest";
import { reportToCsv } from "@/lib/exports/csv";
import { emptyValues, format2021 } from "@/lib/report-format";

const report = (name: string) => ({
  format: format2021,
  organization: { name, code: null },
  year: 2023,
  title: "标题",
  sections: {},
  values: { ...emptyValues(format2021), "active.license.decisions": 58 },
  signatureLine: "",
  signedOn: null,
});

describe("CSV export", () => {
  it("writes one row per cell with keys and labels, after a UTF-8 byte-order mark", () => {
    const csv = reportToCsv(report("来安县雷官镇人民政府"));
    expect(csv.startsWith("\uFEFF机构,机构代码,年度,表格,表格名称,行,行名称,列,列名称,数值\r\n")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(201);
    expect(lines).toContain("来安县雷官镇人民政府,,2023,active,二、主动公开政府信息情况,license,行政许可,decisions,本年处理决定数量,58");
    expect(lines).toContain(
      "来安县雷官镇人民政府,,2023,applications,三、收到和处理政府信息公开申请情况,denyStateSecret,三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密,business,法人或其他组织 / 商业企业,",
    );
  });

  it("keeps text a spreadsheet would run as a formula as plain text, and quotes commas", () => {
    const lines = reportToCsv(report("=HYPERLINK(\"http://x\",\"点我\")")).trim().split("\r\n");
    expect(lines[1]!.startsWith(`"'=HYPERLINK(""http://x"",""点我"")"`)).toBe(true);
  });
});
