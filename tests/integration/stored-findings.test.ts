// The status board reads each report's findings as stored with its saved
// version, and they equal a fresh run of the rules on the working copy — for
// saves through the editor, imports, 雷同 found and lost again, and a version
// bumped by a step (checked afresh, not read stale).
import { afterAll, describe, expect, it } from "vitest";
import { formatCells, format2021 } from "@/lib/report-format";
import { loadCheckContexts } from "@/lib/reports/check-context";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { checkForBoard } from "@/lib/reports/stored-findings";
import { loadStatusBoard } from "@/lib/supervision/board";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const YEAR = 2025;

/** What the editor sends: every input cell as text. */
function content(overview: string, cells: Record<string, string> = {}) {
  const zeros = Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, "0"]));
  return {
    title: `测试县甲镇人民政府${YEAR}年政府信息公开工作年度报告`,
    signatureLine: "测试县甲镇人民政府",
    signedOn: "2026-01-20",
    sections: { overview, problems: "问题", other: "无" },
    cells: { ...zeros, ...cells },
  };
}

/** Every report's findings on the board, as a fresh run of the rules sees them. */
async function freshChecks(prisma: PrismaClient, governmentId: string) {
  const reports = await prisma.report.findMany({
    where: { year: YEAR, organization: { OR: [{ id: governmentId }, { parentId: governmentId }] } },
    include: { sections: true, cells: true, organization: true },
  });
  const contexts = await loadCheckContexts(
    prisma,
    reports.map((r) => r.organization),
    YEAR,
  );
  return new Map(reports.map((r) => [r.organizationId, checkForBoard(contexts.get(r.organizationId)!, { ...r, organization: r.organization }, contentOfWorkingCopy(r))]));
}

async function expectBoardEqualsFresh(supervisorSlug: string, governmentId: string, supervisor: Parameters<typeof loadStatusBoard>[0]) {
  const board = await loadStatusBoard(supervisor, supervisorSlug, YEAR, prisma);
  const fresh = await freshChecks(prisma, governmentId);
  for (const row of board.rows.filter((r) => r.reportId)) {
    const expected = fresh.get(row.organization.id)!;
    expect({ findings: row.findings, errors: row.errors, warnings: row.warnings }, row.organization.name).toEqual(expected);
  }
  return board;
}

const copied = [
  "本年度，本镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政务公开工作要点，持续深化政务公开，各项工作取得新成效。",
  "（一）主动公开。通过镇政府网站、政务新媒体和公示栏主动公开各类政府信息，及时发布惠民政策、财政预决算和重大项目信息。",
  "（二）依申请公开。严格按照法定时限和程序办理政府信息公开申请，做到件件有回复、事事有着落，未发生行政复议和诉讼。",
  "（三）政府信息管理。健全信息发布审核机制，落实保密审查，定期清理过时信息，保证公开内容准确规范。",
].join("\n");

describe("stored findings", () => {
  it("are stored with each saved version and read by the board, equal to a fresh rule run", async () => {
    const { county, townA, townB } = await createCountyWithTownships(prisma);
    const supervisor = await signedInActor(prisma, [{ organizationId: county.id, role: "SUPERVISOR" }]);
    const clerkA = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const clerkB = await signedInActor(prisma, [{ organizationId: townB.id, role: "CLERK" }]);
    const a = (await startReport(clerkA, { organizationId: townA.id, year: YEAR, prefill: false }, prisma)).reportId;
    const b = (await startReport(clerkB, { organizationId: townB.id, year: YEAR, prefill: false }, prisma)).reportId;
    const storedVersion = async (id: string) => (await prisma.reportCheck.findUnique({ where: { reportId: id } }))?.version;

    // A new report has its check stored at once.
    expect(await storedVersion(a)).toBe(1);
    // A's save breaks a balance (R1): an error stored with version 2.
    await saveReport(clerkA, { reportId: a, baseVersion: 1, content: content(copied, { "applications.received.natural": "5" }) }, prisma);
    expect(await storedVersion(a)).toBe(2);
    let board = await expectBoardEqualsFresh(county.slug, county.id, supervisor);
    expect(board.rows.find((r) => r.organization.id === townA.id)!.errors).toBeGreaterThan(0);

    // B saves A's overview: 雷同 on both rows — A's stored check is redone by B's save.
    await saveReport(clerkB, { reportId: b, baseVersion: 1, content: content(copied) }, prisma);
    board = await expectBoardEqualsFresh(county.slug, county.id, supervisor);
    const alike = (unitId: string) => board.rows.find((r) => r.organization.id === unitId)!.findings.some((f) => f.rule === "similar-peer");
    expect(alike(townA.id)).toBe(true);
    expect(alike(townB.id)).toBe(true);
    expect(await storedVersion(a)).toBe(2);

    // B rewrites it: the 雷同 goes from both rows.
    await saveReport(clerkB, { reportId: b, baseVersion: 2, content: content("乙镇今年在公开平台建设、依申请公开办理和政策解读方面开展了各自不同的工作。") }, prisma);
    board = await expectBoardEqualsFresh(county.slug, county.id, supervisor);
    expect(alike(townA.id)).toBe(false);
    expect(alike(townB.id)).toBe(false);
  });

  it("are checked afresh when the report's version moved on without them", async () => {
    const { county, townA } = await createCountyWithTownships(prisma);
    const supervisor = await signedInActor(prisma, [{ organizationId: county.id, role: "SUPERVISOR" }]);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const id = (await startReport(clerk, { organizationId: townA.id, year: YEAR, prefill: false }, prisma)).reportId;
    await saveReport(clerk, { reportId: id, baseVersion: 1, content: content("正文") }, prisma);
    // Written behind the product's back (as a step that bumps the version would): the stored row is stale.
    await prisma.reportCell.updateMany({ where: { reportId: id, tableKey: "applications", rowKey: "received", columnKey: "natural" }, data: { count: 9 } });
    await prisma.report.update({ where: { id }, data: { version: { increment: 1 } } });
    const board = await expectBoardEqualsFresh(county.slug, county.id, supervisor);
    expect(board.rows.find((r) => r.organization.id === townA.id)!.errors).toBeGreaterThan(0);
  });
});
