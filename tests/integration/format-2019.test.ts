// A 2020 report in the 2019 trial format, end to end on PostgreSQL: stored
// with its signed 本年增/减 cells, edited, published, summed in the county's
// roll-up, and read as last year by a 2021-format report.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { comparableCells, findingId, format2019, format2021, formatCells } from "@/lib/report-format";
import { cellRowsToValues } from "@/lib/reports/cell-rows";
import { loadCheckContext } from "@/lib/reports/check-context";
import { checkReportContent } from "@/lib/reports/check-content";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { getReviewView } from "@/lib/reports/review-queries";
import { startReport } from "@/lib/reports/start-report";
import { submitReport } from "@/lib/reports/steps/submit-report";
import { previousValuesFor } from "@/lib/reports/previous-year";
import { importReport } from "@/lib/reports/import-report";
import { getPublishedReport } from "@/lib/reports/queries";
import { saveReport } from "@/lib/reports/save-report";
import { rollupCells } from "@/lib/supervision/rollup";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
const text = readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2020.txt"), "utf8");
const parsed = parseTextReport(text, format2019);
let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;

beforeAll(async () => {
  towns = await createCountyWithTownships(prisma);
});
afterAll(() => prisma.$disconnect());

const as = (name: string) => ({
  ...parsed,
  title: `${name}2020年政府信息公开工作年度报告`,
});

describe("a 2019-format report in the database", () => {
  it("is stored in its own format, 本年增/减 signed in its own column", async () => {
    const { reportId } = await importReport(prisma, {
      organizationSlug: towns.townA.slug,
      year: 2020,
      parsed: as(towns.townA.name),
      actor: "test",
      publish: false,
    });
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { cells: true } });
    expect(report.formatVersion).toBe("2019");
    expect(report.cells).toHaveLength(formatCells(format2019).length);
    expect(report.cells.find((c) => c.rowKey === "license" && c.columnKey === "change")).toMatchObject({ change: -2, count: null, amount: null });
    expect(cellRowsToValues(format2019, report.cells)).toEqual(parsed.values);
  });

  it("refuses a negative count and a cell holding two kinds of value", async () => {
    const { id: reportId } = await prisma.report.findFirstOrThrow({ where: { organizationId: towns.townA.id, year: 2020 } });
    const set = (sql: string) => prisma.$executeRawUnsafe(sql, reportId);
    await expect(set(`update report_cell set count = -1 where report_id = $1::uuid and row_key = 'license' and column_key = 'decisions'`)).rejects.toThrow(/report_cell_value_check/);
    await expect(set(`update report_cell set count = 1 where report_id = $1::uuid and row_key = 'license' and column_key = 'change'`)).rejects.toThrow(/report_cell_value_check/);
    expect(await set(`update report_cell set change = -3 where report_id = $1::uuid and row_key = 'license' and column_key = 'change'`)).toBe(1);
  });

  it("is edited by its clerk with signed values typed as text, and a decimal there is refused", async () => {
    const clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
    const report = await prisma.report.findFirstOrThrow({ where: { organizationId: towns.townA.id, year: 2020 }, include: { sections: true } });
    const cells = Object.fromEntries(formatCells(format2019).filter((c) => !c.sum).map((c) => [c.key, String(parsed.values[c.key] ?? "")]));
    const content = (change: string) => ({
      title: report.title,
      signatureLine: report.signatureLine,
      signedOn: "2021-01-22",
      sections: Object.fromEntries(report.sections.map((s) => [s.sectionKey, s.body])),
      cells: { ...cells, "active.penalty.change": change },
    });
    await expect(saveReport(clerk, { reportId: report.id, baseVersion: report.version, content: content("1.5") }, prisma)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { "cells.active.penalty.change": "增减数应为整数，不能有小数" },
    });
    const saved = await saveReport(clerk, { reportId: report.id, baseVersion: report.version, content: content("－４") }, prisma);
    expect(saved).toMatchObject({ status: "saved" });
    const after = await prisma.report.findUniqueOrThrow({ where: { id: report.id }, include: { cells: true } });
    expect(cellRowsToValues(format2019, after.cells)["active.penalty.change"]).toBe(-4);
  });

  it("is published and summed in the county's 2020 roll-up, signs and all", async () => {
    for (const town of [towns.townA, towns.townB]) {
      await importReport(prisma, { organizationSlug: town.slug, year: 2020, parsed: as(town.name), actor: "test", publish: true, replace: true });
    }
    const published = await getPublishedReport(towns.townB.slug, 2020);
    expect(published?.format.version).toBe("2019");
    expect(published?.values["active.license.change"]).toBe(-2);
    const rollup = await rollupCells(prisma, { governmentId: towns.county.id, year: 2020, scope: "all" });
    expect(rollup.units).toBe(2);
    expect(rollup.values["active.license.change"]).toBe(-4);
    expect(rollup.values["active.penalty.change"]).toBe(10);
    expect(rollup.values["active.procurement.amount"]).toBe(53.1);
    expect(rollup.values["applications.otherProcessing.total"]).toBe(2);
  });

  it("is last year for a 2021-format report: only the cells that mean the same are read", async () => {
    const context = await loadCheckContext(prisma, { id: towns.townB.id, kind: "TOWNSHIP", parentId: towns.county.id, ancestorIds: [towns.county.id] }, 2021);
    expect(context.previous?.formatVersion).toBe("2019");
    const lastYear = previousValuesFor(context.previous!, format2021);
    expect(lastYear["applications.carriedForward.total"]).toBe(0);
    expect(lastYear["active.license.decisions"]).toBe(58);
    expect(lastYear).not.toHaveProperty("active.license.change");
    expect(lastYear).not.toHaveProperty("active.normative.total");
    expect(lastYear).not.toHaveProperty("applications.otherProcessing.total");
  });

  it("on a 2021 report's first submission, the reviewer's diff against 2020 shows only cells that mean the same", async () => {
    const clerk = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "CLERK" }]);
    const reviewer = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "REVIEWER" }]);
    const { reportId } = await startReport(clerk, { organizationId: towns.townB.id, year: 2021, prefill: true }, prisma);
    const cells = Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, "0"]));
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { sections: true } });
    const content = {
      title: report.title,
      signatureLine: report.signatureLine,
      signedOn: "2022-01-20",
      sections: Object.fromEntries(report.sections.map((s) => [s.sectionKey, s.body])),
      cells: { ...cells, "active.license.decisions": "60", "active.penalty.decisions": "35" },
    };
    const saved = await saveReport(clerk, { reportId, baseVersion: report.version, content }, prisma);
    const current = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true, sections: true, cells: true } });
    const findings = await checkReportContent(prisma, current, contentOfWorkingCopy(current));
    const explanations = Object.fromEntries(findings.filter((f) => f.severity === "warning").map((f) => [findingId(f), "已核实"]));
    await submitReport(clerk, { reportId, baseVersion: saved.status === "saved" ? saved.version : 0, explanations }, prisma);

    const view = await getReviewView(reviewer, reportId, prisma);
    expect(view.diffAgainstYear).toBe(2020);
    expect(view.diffAgainstFormat).toBe("国办公开办函〔2019〕60号");
    const same = comparableCells(format2019, format2021);
    expect(view.diff?.cells.every((cell) => same.has(cell.key))).toBe(true);
    // 行政许可 went from 58 to 60, 行政强制 from 10 to 0; 行政处罚 stayed 35; the 2021-only cells are not "（空）→ 0".
    const changed = view.diff!.cells.map((c) => [c.key, c.before, c.after]);
    expect(changed).toContainEqual(["active.license.decisions", 58, 60]);
    expect(changed).toContainEqual(["active.enforcement.decisions", 10, 0]);
    expect(changed.map(([key]) => key)).not.toContain("active.penalty.decisions");
    expect(changed.every(([, before]) => before !== null)).toBe(true);
  });
});
