// County supervision: the roll-up is the sum of the units' latest published
// figures (computed here independently), a 主管部门 sees only its county, and
// the board's cross-checks fire on constructed cases.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseTextReport, type ParsedReport } from "@/lib/import/parse-text-report";
import { format2021, formatCells, withComputedTotals } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
import { loadStatusBoard } from "@/lib/supervision/board";
import { loadDeadlineSetting, saveDeadlines } from "@/lib/deadlines/deadline-settings";
import { loadGovernmentRollup, rollupCells, rollupContributions } from "@/lib/supervision/rollup";
import { publicationDeadline } from "@/lib/report-format";
import { createCountyWithTownships, signedInActor, testPrisma, uniqueSlug } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const sample = parseTextReport(readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8"), format2021);

function variant(scale: number, sections: Record<string, string> = {}): ParsedReport {
  const values = Object.fromEntries(Object.entries(sample.values).map(([k, v]) => [k, v === null ? null : v * scale]));
  return { ...sample, values: withComputedTotals(format2021, values), sections: { ...sample.sections, ...sections } };
}

/** Two applications carried over from last year (and still open at year end): R1 holds, R6 compares with last year. */
function withCarryOver(parsed: ParsedReport): ParsedReport {
  const values = { ...parsed.values };
  values["applications.carriedOver.natural"] = (values["applications.carriedOver.natural"] ?? 0) + 2;
  values["applications.carriedForward.natural"] = (values["applications.carriedForward.natural"] ?? 0) + 2;
  return { ...parsed, values: withComputedTotals(format2021, values) };
}

async function countyWithDepartment() {
  const { county, townA, townB } = await createCountyWithTownships(prisma);
  const department = await prisma.organization.create({
    data: { slug: uniqueSlug("dept"), name: "测试县财政局", shortName: "财政局", kind: "DEPARTMENT", parentId: county.id },
  });
  return { county, townA, townB, department };
}

describe("roll-up", () => {
  it("equals the sum of each unit's latest published revision, by scope; drafts and other counties stay out", async () => {
    const { county, townA, townB, department } = await countyWithDepartment();
    const other = await createCountyWithTownships(prisma);
    const publish = (slug: string, parsed: ParsedReport, publish = true) =>
      importReport(prisma, { organizationSlug: slug, year: 2023, parsed, actor: "test", publish });
    await publish(townA.slug, variant(1));
    await publish(townB.slug, variant(2));
    await publish(department.slug, variant(5));
    await publish(other.townA.slug, variant(100)); // another county
    // A correction being drafted does not change the sum: the latest *published* revision counts.
    await prisma.report.updateMany({ where: { organizationId: townB.id, year: 2023 }, data: { status: "DRAFT" } });
    await prisma.reportCell.updateMany({ where: { report: { organizationId: townB.id, year: 2023 }, count: { not: null } }, data: { count: 999 } });
    const draftOnly = await prisma.organization.create({
      data: { slug: uniqueSlug("town"), name: "测试县丙镇人民政府", shortName: "丙镇", kind: "TOWNSHIP", parentId: county.id },
    });
    await publish(draftOnly.slug, variant(7), false);

    const all = await rollupCells(prisma, { governmentId: county.id, year: 2023, scope: "all" });
    const townships = await rollupCells(prisma, { governmentId: county.id, year: 2023, scope: "townships" });
    expect(all.units).toBe(3);
    expect(townships.units).toBe(2);
    for (const cell of formatCells(format2021)) {
      const v = sample.values[cell.key] ?? null;
      const expected = (scale: number) => (v === null ? null : Number((v * scale).toFixed(4)));
      expect(all.values[cell.key], cell.key).toBe(expected(1 + 2 + 5));
      expect(townships.values[cell.key], cell.key).toBe(expected(1 + 2));
    }

    const key = "active.penalty.decisions";
    const contributions = await rollupContributions(prisma, { governmentId: county.id, year: 2023, scope: "all" }, key);
    expect(contributions?.units).toBe(3);
    expect(contributions?.total).toBe(sample.values[key]! * 8);
    expect(contributions?.rows.map((c) => [c.organization.slug, c.value])).toEqual([
      [department.slug, sample.values[key]! * 5],
      [townB.slug, sample.values[key]! * 2],
      [townA.slug, sample.values[key]! * 1],
    ]);
    // A page at a time, the total over all of them.
    const second = await rollupContributions(prisma, { governmentId: county.id, year: 2023, scope: "all" }, key, 2, 2);
    expect(second?.rows.map((c) => c.organization.slug)).toEqual([townA.slug]);
    expect(second).toMatchObject({ units: 3, total: sample.values[key]! * 8, page: 2 });
    expect(await rollupContributions(prisma, { governmentId: county.id, year: 2023, scope: "all" }, "no.such.cell")).toBeNull();
  });

  it("checks the rules on the sums and compares with last year's roll-up", async () => {
    const { county, townA } = await countyWithDepartment();
    const supervisor = await signedInActor(prisma, [{ organizationId: county.id, role: "SUPERVISOR" }]);
    await importReport(prisma, { organizationSlug: townA.slug, year: 2022, parsed: variant(1), actor: "test", publish: true });
    await importReport(prisma, { organizationSlug: townA.slug, year: 2023, parsed: withCarryOver(variant(1)), actor: "test", publish: true });
    const view = await loadGovernmentRollup(supervisor, county.slug, 2023, "all", prisma);
    expect(view.previous?.units).toBe(1);
    // Two applications said to come from last year, which carried none forward: R6 on the sums.
    expect(view.findings.map((f) => f.rule)).toContain("R6");
    expect(view.findings.every((f) => f.severity === "warning")).toBe(true);
  });
});

describe("who sees what", () => {
  it("a supervisor sees only their own county; clerks and other counties' supervisors are refused", async () => {
    const mine = await countyWithDepartment();
    const theirs = await createCountyWithTownships(prisma);
    const supervisor = await signedInActor(prisma, [{ organizationId: mine.county.id, role: "SUPERVISOR" }]);
    const clerk = await signedInActor(prisma, [{ organizationId: mine.townA.id, role: "CLERK" }]);
    const board = await loadStatusBoard(supervisor, mine.county.slug, 2025, prisma);
    expect(board.rows.map((r) => r.organization.id).sort()).toEqual(
      [mine.county.id, mine.townA.id, mine.townB.id, mine.department.id].sort(),
    );
    await expect(loadStatusBoard(supervisor, theirs.county.slug, 2025, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadGovernmentRollup(supervisor, theirs.county.slug, 2025, "all", prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadStatusBoard(clerk, mine.county.slug, 2025, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadStatusBoard(null, mine.county.slug, 2025, prisma)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(loadStatusBoard(supervisor, mine.townA.slug, 2025, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the status board", () => {
  it("shows status, lateness and the cross-checks: R6/R7 against last year, R11, 雷同, five-fold jumps", async () => {
    const { county, townA, townB, department } = await countyWithDepartment();
    const supervisor = await signedInActor(prisma, [{ organizationId: county.id, role: "SUPERVISOR" }]);
    const copied = "本年度，本镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政务公开工作要点，持续深化政务公开。";
    await importReport(prisma, { organizationSlug: townA.slug, year: 2022, parsed: variant(1), actor: "test", publish: true, publishedAt: new Date("2023-01-10T10:00:00+08:00") });
    // townA: published after its deadline, figures ×6 on last year, a narrative shared with townB.
    await importReport(prisma, { organizationSlug: townA.slug, year: 2023, parsed: withCarryOver(variant(6, { overview: copied })), actor: "test", publish: true, publishedAt: new Date("2024-02-05T10:00:00+08:00") });
    // townB: a draft, long past the deadline, with 规章 reported (R11).
    const withRegulation = variant(1, { overview: copied });
    await importReport(prisma, {
      organizationSlug: townB.slug,
      year: 2023,
      parsed: { ...withRegulation, values: { ...withRegulation.values, "active.regulation.issued": 1 } },
      actor: "test",
      publish: false,
    });
    const board = await loadStatusBoard(supervisor, county.slug, 2023, prisma);
    const row = (id: string) => board.rows.find((r) => r.organization.id === id)!;

    expect(row(townA.id)).toMatchObject({ status: "PUBLISHED", publishedOn: "2024-02-05", late: true, deadline: "2024-01-31" });
    expect(row(townB.id)).toMatchObject({ status: "DRAFT", publishedOn: null, late: true });
    expect(row(department.id)).toMatchObject({ status: "NOT_STARTED", late: true, warnings: [] });
    // 雷同 from the rule engine, the same finding the editor and the review page show; the supervisor sees which unit.
    const copiedFrom = (id: string) => row(id).findings.find((f) => f.rule === "similar-peer")?.peer?.unitName;
    expect(copiedFrom(townA.id)).toBe("乙镇");
    expect(copiedFrom(townB.id)).toBe("甲镇");
    expect(row(townA.id).warnings.some((w) => w.includes("雷同") && w.includes("乙镇"))).toBe(true);
    expect(row(townA.id).warnings.some((w) => w.startsWith("数字异动"))).toBe(true);
    expect(row(townA.id).warnings.some((w) => w.includes("上年结转"))).toBe(true); // R6 against last year's report
    expect(row(townB.id).warnings.some((w) => w.includes("规章"))).toBe(true);
    expect(row(townB.id).warnings.some((w) => w.startsWith("数字异动"))).toBe(false); // no published report last year
  });

  it("uses the county's own deadlines: a default per kind and an override for one year", async () => {
    const { county, townA } = await countyWithDepartment();
    const supervisor = await signedInActor(prisma, [{ organizationId: county.id, role: "SUPERVISOR" }]);
    await saveDeadlines(prisma, supervisor, county.id, 2024, { defaults: { TOWNSHIP: "02-20" }, overrides: { DEPARTMENT: "2025-02-10" } });
    const schedule = await loadDeadlineSetting(prisma, county.id);
    expect(publicationDeadline("TOWNSHIP", 2030, schedule)).toBe("2031-02-20");
    expect(publicationDeadline("DEPARTMENT", 2024, schedule)).toBe("2025-02-10");
    expect(publicationDeadline("DEPARTMENT", 2025, schedule)).toBe("2026-01-31");
    const board = await loadStatusBoard(supervisor, county.slug, 2024, prisma);
    expect(board.rows.find((r) => r.organization.id === townA.id)?.deadline).toBe("2025-02-20");
    await saveDeadlines(prisma, supervisor, county.id, 2024, { defaults: { TOWNSHIP: null }, overrides: { DEPARTMENT: null } });
    expect(await loadDeadlineSetting(prisma, county.id)).toEqual({ defaults: {}, overrides: {} });
    const audit = await prisma.auditEvent.findMany({ where: { event: "deadlines.update", objectId: county.id } });
    expect(audit).toHaveLength(2);
  });
});
