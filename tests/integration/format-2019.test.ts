// A 2020 report in the 2019 trial format, end to end on PostgreSQL: stored
// with its signed 本年增/减 cells, edited, published, summed in the county's
// roll-up, and read as last year by a 2021-format report.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { format2019, formatCells } from "@/lib/report-format";
import { cellRowsToValues } from "@/lib/reports/cell-rows";
import { loadCheckContext } from "@/lib/reports/check-context";
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
    const rollup = await rollupCells(prisma, { countyId: towns.county.id, year: 2020, scope: "all" });
    expect(rollup.units).toBe(2);
    expect(rollup.values["active.license.change"]).toBe(-4);
    expect(rollup.values["active.penalty.change"]).toBe(10);
    expect(rollup.values["active.procurement.amount"]).toBe(53.1);
    expect(rollup.values["applications.otherProcessing.total"]).toBe(2);
  });

  it("is last year for a 2021-format report: only the cells that mean the same are read", async () => {
    const context = await loadCheckContext(prisma, { id: towns.townB.id, kind: "TOWNSHIP", parentId: towns.county.id }, 2021);
    expect(context.previous?.formatVersion).toBe("2019");
    expect(context.previous?.values["applications.carriedForward.total"]).toBe(0);
    expect(context.previous?.values["active.license.decisions"]).toBe(58);
    expect(context.previous?.values).not.toHaveProperty("active.penalty.decisions");
    expect(context.previous?.values).not.toHaveProperty("active.license.change");
  });
});
