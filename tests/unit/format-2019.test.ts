// The 2019 trial format (国办公开办函〔2019〕60号) as a second definition: its
// tables, its signed 本年增/减 cells, reading a 2020 report written in it,
// its exports, and what it compares with a 2021-format report.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportToCsv } from "@/lib/exports/csv";
import { reportToDocx } from "@/lib/exports/docx";
import { reportToXlsx } from "@/lib/exports/xlsx";
import ExcelJS from "exceljs";
import { blocksToReportText } from "@/lib/import/document-blocks";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { readDocxReport } from "@/lib/import/read-docx";
import {
  checkReport,
  comparableCells,
  comparableValues,
  emptyValues,
  findCell,
  format2019,
  format2021,
  formatCells,
  formats,
  parseCellInput,
  tableSections,
  textParts,
  toOpenData,
  withComputedTotals,
  type CellValue,
} from "@/lib/report-format";

const fixture = readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2020.txt"), "utf8");
const parsed = parseTextReport(fixture, format2019);
const cells2019 = formatCells(format2019);

describe("the 2019 format's definition", () => {
  it("has table 二 as the trial format printed it: five blocks, 本年增/减 signed, 政府集中采购 with an amount", () => {
    const active = cells2019.filter((c) => c.table === "active");
    expect(active.map((c) => c.name)).toEqual([
      "规章 本年新制作数量",
      "规章 本年新公开数量",
      "规章 对外公开总数量",
      "规范性文件 本年新制作数量",
      "规范性文件 本年新公开数量",
      "规范性文件 对外公开总数量",
      "行政许可 上一年项目数量",
      "行政许可 本年增/减",
      "行政许可 处理决定数量",
      "其他对外管理服务事项 上一年项目数量",
      "其他对外管理服务事项 本年增/减",
      "其他对外管理服务事项 处理决定数量",
      "行政处罚 上一年项目数量",
      "行政处罚 本年增/减",
      "行政处罚 处理决定数量",
      "行政强制 上一年项目数量",
      "行政强制 本年增/减",
      "行政强制 处理决定数量",
      "行政事业性收费 上一年项目数量",
      "行政事业性收费 本年增/减",
      "政府集中采购 采购项目数量",
      "政府集中采购 采购总金额（单位：万元）",
    ]);
    expect(active.filter((c) => c.kind === "change").map((c) => c.row)).toEqual(["license", "otherServices", "penalty", "enforcement", "fee"]);
    expect(findCell(format2019, "active.procurement.amount")?.kind).toBe("amount");
  });

  it("has table 三's （六）其他处理 as one row, in the total, and table 四 unchanged", () => {
    expect(findCell(format2019, "applications.otherProcessing.total")?.rowPath).toEqual(["三、本年度办理结果", "（六）其他处理"]);
    expect(findCell(format2019, "applications.otherOther.total")).toBeUndefined();
    expect(findCell(format2019, "applications.outcomeTotal.natural")?.sum?.of).toContain("applications.otherProcessing.natural");
    const appeals = (f: typeof format2019) => formatCells(f).filter((c) => c.table === "appeals").map((c) => [c.key, c.name]);
    expect(appeals(format2019)).toEqual(appeals(format2021));
  });

  it("applies to the 2019 and 2020 reports", () => {
    expect(format2019.years).toEqual({ from: 2019, to: 2020 });
  });
});

describe.each(formats.map((f) => [f.version, f] as const))("format %s names only what it defines", (_, format) => {
  const has = (key: string) => !!findCell(format, key);
  it("rules, comparison groups and catalog sources name its own cells", () => {
    const { balance, carryOver, stock, zeroForKinds } = format.rules;
    const tables = new Set(tableSections(format).map((s) => s.key));
    for (const table of [balance.table, carryOver.table, zeroForKinds.table, ...(stock ? [stock.table] : [])]) expect(tables).toContain(table);
    const rows = (table: string) => new Set(formatCells(format).filter((c) => c.table === table).map((c) => c.row));
    for (const row of [...balance.left, ...balance.right]) expect(rows(balance.table)).toContain(row);
    expect(rows(carryOver.table)).toContain(carryOver.row);
    expect(rows(carryOver.table)).toContain(carryOver.fromRow);
    expect(rows(zeroForKinds.table)).toContain(zeroForKinds.row);
    for (const group of format.comparison) for (const cell of group.cells) expect(has(cell), cell).toBe(true);
    for (const source of format.catalog) expect(has(source.cell), source.cell).toBe(true);
    for (const [version, cells] of Object.entries(format.sameMeaning ?? {})) {
      const other = formats.find((f) => f.version === version)!;
      for (const cell of cells) {
        expect(has(cell), cell).toBe(true);
        expect(findCell(other, cell), `${cell} in ${version}`).toBeDefined();
      }
    }
  });

  it("R8's figures compare only with its own cells", () => {
    const { figures, none } = format.narrative.figures;
    const comparisons = [...figures.flatMap((f) => f.compare), ...none.map((n) => n.compare)];
    for (const c of comparisons) if ("cells" in c.source) for (const cell of c.source.cells) expect(has(cell), `${c.label}: ${cell}`).toBe(true);
    if (format.version === "2019") expect(comparisons.some((c) => c.label.includes("本年处理决定数量"))).toBe(false);
  });

  it("the text checks name its own sections", () => {
    const keys = new Set(textParts(format).map((p) => p.key));
    expect(keys).toContain(format.narrative.text.problems.section);
    for (const key of format.narrative.text.statisticalPeriod.sections) expect(keys).toContain(key);
  });
});

describe("本年增/减: a signed whole number", () => {
  it("takes a sign, full-width too, and refuses decimals", () => {
    expect(parseCellInput("-2", "change")).toEqual({ ok: true, value: -2 });
    expect(parseCellInput("+5", "change")).toEqual({ ok: true, value: 5 });
    expect(parseCellInput("＋５", "change")).toEqual({ ok: true, value: 5 });
    expect(parseCellInput("－３", "change")).toEqual({ ok: true, value: -3 });
    expect(parseCellInput("0", "change")).toEqual({ ok: true, value: 0 });
    expect(parseCellInput("1.5", "change")).toEqual({ ok: false, message: "增减数应为整数，不能有小数" });
    expect(parseCellInput("减2", "change").ok).toBe(false);
  });

  it("stays refused in a count cell", () => {
    expect(parseCellInput("-2", "count")).toEqual({ ok: false, message: "不能为负数" });
  });
});

describe("a 2020 report in the 2019 format (golden)", () => {
  it("places every line and reads every cell", () => {
    expect(parsed.issues).toEqual([]);
    expect(parsed.guessed).toEqual([]);
    expect(parsed.title).toBe("来安县雷官镇人民政府2020年政府信息公开工作年度报告");
    expect(parsed.signedOn).toBe("2021-01-22");
    const nonZero = Object.fromEntries(Object.entries(parsed.values).filter(([, v]) => v !== 0));
    expect(nonZero).toEqual({
      "active.license.previous": 60,
      "active.license.change": -2,
      "active.license.decisions": 58,
      "active.otherServices.previous": 4,
      "active.otherServices.decisions": 4,
      "active.penalty.previous": 30,
      "active.penalty.change": 5,
      "active.penalty.decisions": 35,
      "active.enforcement.previous": 8,
      "active.enforcement.change": 2,
      "active.enforcement.decisions": 10,
      "active.procurement.projects": 3,
      "active.procurement.amount": 26.55,
      "applications.received.natural": 3,
      "applications.received.total": 3,
      "applications.granted.natural": 2,
      "applications.granted.total": 2,
      "applications.otherProcessing.natural": 1,
      "applications.otherProcessing.total": 1,
      "applications.outcomeTotal.natural": 3,
      "applications.outcomeTotal.total": 3,
    });
    expect(Object.keys(parsed.values)).toHaveLength(cells2019.length);
  });

  it("passes the rules of its own format, and is flagged under the other", () => {
    const input = {
      organization: { name: "来安县雷官镇人民政府", kind: "TOWNSHIP" as const },
      year: 2020,
      title: parsed.title,
      signedOn: parsed.signedOn,
      values: parsed.values,
      sections: parsed.sections,
    };
    expect(checkReport({ ...input, format: format2019 })).toEqual([]);
    expect(checkReport({ ...input, format: format2021, values: emptyValues(format2021) }).map((f) => f.rule)).toContain("format-version");
  });

  it("under the 2021 format, its table 二 is reported as the 2019 format and nothing of it is placed", () => {
    const as2021 = parseTextReport(fixture, format2021);
    expect(as2021.issues[0]?.message).toBe("表二为2019年格式（国办公开办函〔2019〕60号），其数值未读入");
    expect(formatCells(format2021).filter((c) => c.table === "active").every((c) => as2021.values[c.key] === null)).toBe(true);
  });
});

describe("the 2019 format's exports", () => {
  const report = {
    format: format2019,
    organization: { name: "来安县雷官镇人民政府", code: "11341122003250123X" },
    year: 2020,
    title: parsed.title,
    sections: parsed.sections,
    values: parsed.values,
    signatureLine: parsed.signatureLine,
    signedOn: parsed.signedOn,
  };

  it("our Word export reads back to identical cells, signs included", async () => {
    const { blocks, warnings } = await readDocxReport(await reportToDocx(report));
    expect(warnings).toEqual([]);
    const back = parseTextReport(blocksToReportText(blocks).text, format2019);
    expect(back.issues).toEqual([]);
    expect(back.values).toEqual(parsed.values);
    expect(back.sections).toEqual(parsed.sections);
  });

  it("keeps every cell in its place when all differ", async () => {
    const values: Record<string, CellValue> = withComputedTotals(
      format2019,
      Object.fromEntries(cells2019.filter((c) => !c.sum).map((c, i) => [c.key, c.kind === "amount" ? 12.5 : c.kind === "change" ? -(i + 1) : i + 1])),
    );
    const { blocks } = await readDocxReport(await reportToDocx({ ...report, values }));
    const back = parseTextReport(blocksToReportText(blocks).text, format2019);
    expect(back.issues).toEqual([]);
    expect(back.values).toEqual(values);
  });

  it("Excel lays table 二 out as the trial format does, 本年增/减 as a signed number", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportToXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const license = rows.find((row) => row[0] === "行政许可");
    expect(license).toEqual(["行政许可", 60, -2, 58]);
    expect(rows.find((row) => row[0] === "政府集中采购")).toEqual(["政府集中采购", 3, 26.55, 26.55]);
  });

  it("open data and CSV carry the signed values under the format's keys", () => {
    const data = toOpenData({
      ...report,
      organization: { ...report.organization, parent: "来安县人民政府" },
      revision: 1,
      publishedAt: new Date("2021-01-25T01:00:00Z"),
    });
    expect(data.format).toBe("2019");
    expect(data.tables.active!.license).toEqual({ previous: 60, change: -2, decisions: 58 });
    expect(data.tables.active!.procurement).toEqual({ projects: 3, amount: 26.55 });
    expect(data.tables.applications!.otherProcessing!.total).toBe(1);
    const csv = reportToCsv(report);
    expect(csv).toContain("行政许可,change,本年增/减,-2");
  });
});

describe("comparing across the two formats", () => {
  const same = comparableCells(format2019, format2021);

  it("compares only what the definitions declare to mean the same", () => {
    expect(same.has("active.license.decisions")).toBe(true);
    expect(same.has("active.penalty.decisions")).toBe(true);
    expect(same.has("applications.received.total")).toBe(true);
    expect(same.has("applications.outcomeTotal.natural")).toBe(true);
    expect(same.has("appeals.litigationAfterReview.pending")).toBe(true);
    // Same keys, other meanings or no counterpart: never compared.
    expect(same.has("active.license.previous")).toBe(false);
    expect(same.has("active.normative.issued")).toBe(false);
    expect(same.has("applications.otherOther.total")).toBe(false);
    expect(same).toEqual(comparableCells(format2021, format2019));
    expect(comparableCells(format2021, format2021).size).toBe(formatCells(format2021).length);
  });

  it("R6 reads last year's carried-forward figures from a 2020 report; R7 has nothing to compare", () => {
    const previous = comparableValues(format2019, format2021, {
      ...parsed.values,
      "applications.carriedForward.natural": 2,
      "applications.carriedForward.total": 2,
    });
    expect(Object.keys(previous).some((key) => key.startsWith("active.normative"))).toBe(false);
    const zeros = Object.fromEntries(formatCells(format2021).map((c) => [c.key, 0]));
    const findings = checkReport({
      format: format2021,
      organization: { name: "来安县雷官镇人民政府", kind: "TOWNSHIP" },
      year: 2021,
      title: "来安县雷官镇人民政府2021年政府信息公开工作年度报告",
      signedOn: "2022-01-20",
      values: { ...zeros, "active.normative.inForce": 4 },
      previous,
    });
    expect(findings.map((f) => f.rule).sort()).toEqual(["R6", "R6"]);
  });
});
