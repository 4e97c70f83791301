// A save writes only the rows that changed, and checks the report against
// what other units and last year hold now, though it keeps their texts
// between saves: the working copy is exactly what rewriting every row would
// give, and the findings stored with each version are those of a fresh rule
// run — after a peer's save, a new peer's report, and a correction of last
// year's report.
import { afterAll, describe, expect, it } from "vitest";
import { findingId, format2021, formatCells } from "@/lib/report-format";
import { checkReportContent } from "@/lib/reports/check-content";
import { loadCheckContext } from "@/lib/reports/check-context";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { approveReport } from "@/lib/reports/steps/approve-report";
import { startCorrection } from "@/lib/reports/steps/start-correction";
import { submitReport } from "@/lib/reports/steps/submit-report";
import { checkForBoard } from "@/lib/reports/stored-findings";
import { writeSectionsAndCells } from "@/lib/reports/write-working-copy";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

/** What the editor sends: every input cell as text. */
function content(overview: string, cells: Record<string, string> = {}, sections: Record<string, string> = {}) {
  const zeros = Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, "0"]));
  return {
    title: "测试县甲镇人民政府2025年政府信息公开工作年度报告",
    signatureLine: "测试县甲镇人民政府",
    signedOn: "2026-01-20",
    sections: { overview, problems: "问题", other: "无", ...sections },
    cells: { ...zeros, ...cells },
  };
}

const copied = [
  "本年度，本镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政务公开工作要点，持续深化政务公开，各项工作取得新成效。",
  "（一）主动公开。通过镇政府网站、政务新媒体和公示栏主动公开各类政府信息，及时发布惠民政策、财政预决算和重大项目信息。",
  "（二）依申请公开。严格按照法定时限和程序办理政府信息公开申请，做到件件有回复、事事有着落，未发生行政复议和诉讼。",
  "（三）政府信息管理。健全信息发布审核机制，落实保密审查，定期清理过时信息，保证公开内容准确规范。",
].join("\n");
const ownWords = "乙镇今年在公开平台建设、依申请公开办理和政策解读方面开展了各自不同的工作，全年办理申请十余件。";

/** Every row of the working copy, with the transaction that last wrote it (xmin). */
async function rows(reportId: string) {
  const cells = await prisma.$queryRaw<{ key: string; count: number | null; amount: string | null; change: number | null; xmin: string }[]>`
    select table_key || '.' || row_key || '.' || column_key as key, count, amount::text as amount, change, xmin::text
      from report_cell where report_id = ${reportId}::uuid order by 1`;
  const sections = await prisma.$queryRaw<{ key: string; body: string; xmin: string }[]>`
    select section_key as key, body, xmin::text from report_section where report_id = ${reportId}::uuid order by 1`;
  return {
    cells,
    sections,
    values: { cells: cells.map((c) => ({ key: c.key, count: c.count, amount: c.amount, change: c.change })), sections: sections.map((s) => ({ key: s.key, body: s.body })) },
  };
}

/** The rows a full rewrite of the stored content gives (written in a transaction that is rolled back). */
async function fullRewrite(reportId: string) {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { sections: true, cells: true } });
  const stored = contentOfWorkingCopy(report);
  let rewritten: Awaited<ReturnType<typeof rows>>["values"] | undefined;
  await prisma
    .$transaction(async (tx) => {
      await writeSectionsAndCells(tx, reportId, format2021, stored);
      const cells = await tx.$queryRaw<{ key: string; count: number | null; amount: string | null; change: number | null }[]>`
        select table_key || '.' || row_key || '.' || column_key as key, count, amount::text as amount, change
          from report_cell where report_id = ${reportId}::uuid order by 1`;
      const sections = await tx.$queryRaw<{ key: string; body: string }[]>`
        select section_key as key, body from report_section where report_id = ${reportId}::uuid order by 1`;
      rewritten = { cells, sections };
      throw new Error("rolled back");
    })
    .catch(() => undefined);
  return rewritten!;
}

/** The findings stored with the report's version equal a rule run on a context read afresh from the database. */
async function expectStoredEqualsFresh(reportId: string) {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true, sections: true, cells: true, check: true } });
  expect(report.check?.version).toBe(report.version);
  const fresh = checkForBoard(await loadCheckContext(prisma, report.organization, report.year), report, contentOfWorkingCopy(report));
  expect(report.check?.findings).toEqual(JSON.parse(JSON.stringify(fresh.findings)));
  return fresh.findings;
}

const alikeWithPeer = (findings: { rule: string }[]) => findings.some((f) => f.rule === "similar-peer");

describe("a save writes only what changed", () => {
  it("rewrites the changed cells (with the totals they change) and the changed section, and nothing else", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const id = (await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma)).reportId;
    await saveReport(clerk, { reportId: id, baseVersion: 1, content: content(copied, { "active.fee.amount": "12.34", "applications.received.natural": "4" }) }, prisma);
    const before = await rows(id);

    // A few cells retyped (one to the same amount written differently) and one sentence of one section.
    const edited = content(copied.replace("各项工作", "各项工作均"), { "active.fee.amount": "12.3400", "applications.received.natural": "5", "applications.granted.natural": "2" });
    expect(await saveReport(clerk, { reportId: id, baseVersion: 2, content: edited }, prisma)).toMatchObject({ status: "saved", version: 3 });
    const after = await rows(id);

    const changed = (list: { key: string; xmin: string }[], earlier: { key: string; xmin: string }[]) =>
      list.filter((row) => earlier.find((e) => e.key === row.key)?.xmin !== row.xmin).map((row) => row.key);
    expect(changed(after.cells, before.cells).sort()).toEqual(
      [
        "applications.received.natural",
        "applications.received.total",
        "applications.granted.natural",
        "applications.granted.total",
        "applications.outcomeTotal.natural",
        "applications.outcomeTotal.total",
      ].sort(),
    );
    expect(changed(after.sections, before.sections)).toEqual(["overview"]);
    expect(after.values).toEqual(await fullRewrite(id));
  });

  it("removes rows the content no longer has, so the working copy is exactly a full rewrite's", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const id = (await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma)).reportId;
    await saveReport(clerk, { reportId: id, baseVersion: 1, content: content(copied) }, prisma);
    // Rows no save would write: a cell the format does not have, a section it does not name.
    await prisma.reportCell.create({ data: { reportId: id, tableKey: "applications", rowKey: "received", columnKey: "retired", count: 7 } });
    await prisma.reportSection.create({ data: { reportId: id, sectionKey: "retired", body: "旧的章节" } });

    await saveReport(clerk, { reportId: id, baseVersion: 2, content: content(copied, { "applications.received.natural": "1" }) }, prisma);
    const after = await rows(id);
    expect(after.cells.some((row) => row.key === "applications.received.retired")).toBe(false);
    expect(after.sections.some((row) => row.key === "retired")).toBe(false);
    expect(after.values).toEqual(await fullRewrite(id));
  });

  it("writes no cell or section when only the title changed", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const id = (await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma)).reportId;
    await saveReport(clerk, { reportId: id, baseVersion: 1, content: content(copied) }, prisma);
    const before = await rows(id);
    await saveReport(clerk, { reportId: id, baseVersion: 2, content: { ...content(copied), title: "测试县甲镇人民政府2025年度政府信息公开工作年度报告" } }, prisma);
    const after = await rows(id);
    expect(after.cells).toEqual(before.cells);
    expect(after.sections).toEqual(before.sections);
    expect((await prisma.report.findUniqueOrThrow({ where: { id } })).version).toBe(3);
  });
});

describe("what a save checks against", () => {
  it("is the other units' text as it is now: a peer's save, a peer's new report", async () => {
    const { county, townA, townB } = await createCountyWithTownships(prisma);
    const clerkA = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const clerkB = await signedInActor(prisma, [{ organizationId: townB.id, role: "CLERK" }]);
    const a = (await startReport(clerkA, { organizationId: townA.id, year: 2025, prefill: false }, prisma)).reportId;
    const b = (await startReport(clerkB, { organizationId: townB.id, year: 2025, prefill: false }, prisma)).reportId;

    await saveReport(clerkB, { reportId: b, baseVersion: 1, content: content(copied) }, prisma);
    let saved = await saveReport(clerkA, { reportId: a, baseVersion: 1, content: content(copied) }, prisma);
    expect(saved.status === "saved" && alikeWithPeer(saved.peerFindings)).toBe(true);
    expect(alikeWithPeer(await expectStoredEqualsFresh(a))).toBe(true);

    // B rewrites its text: A's next save, with the same text, is no longer alike.
    await saveReport(clerkB, { reportId: b, baseVersion: 2, content: content(ownWords) }, prisma);
    saved = await saveReport(clerkA, { reportId: a, baseVersion: 2, content: content(copied, { "applications.received.natural": "1" }) }, prisma);
    expect(saved.status === "saved" && alikeWithPeer(saved.peerFindings)).toBe(false);
    expect(alikeWithPeer(await expectStoredEqualsFresh(a))).toBe(false);

    // A third unit of the county starts its report with the same words: A's next save finds it.
    const townC = await prisma.organization.create({ data: { slug: `${county.slug}-c`, name: "测试县丙镇人民政府", shortName: "丙镇", kind: "TOWNSHIP", parentId: county.id } });
    const clerkC = await signedInActor(prisma, [{ organizationId: townC.id, role: "CLERK" }]);
    const c = (await startReport(clerkC, { organizationId: townC.id, year: 2025, prefill: false }, prisma)).reportId;
    await saveReport(clerkC, { reportId: c, baseVersion: 1, content: content(copied) }, prisma);
    saved = await saveReport(clerkA, { reportId: a, baseVersion: 3, content: content(copied, { "applications.received.natural": "2" }) }, prisma);
    expect(saved.status === "saved" && alikeWithPeer(saved.peerFindings)).toBe(true);
    expect(alikeWithPeer(await expectStoredEqualsFresh(a))).toBe(true);
  });

  it("is last year's report as published now: a correction published since counts at the next save", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const reviewer = await signedInActor(prisma, [{ organizationId: townA.id, role: "REVIEWER" }]);
    const last = (await startReport(clerk, { organizationId: townA.id, year: 2024, prefill: false }, prisma)).reportId;
    const publish = async (reportId: string, version: number, overview: string) => {
      await saveReport(clerk, { reportId, baseVersion: version, content: { ...content(overview), title: "测试县甲镇人民政府2024年政府信息公开工作年度报告", signedOn: "2025-01-20" } }, prisma);
      const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true, sections: true, cells: true } });
      const findings = await checkReportContent(prisma, report, contentOfWorkingCopy(report));
      const explanations = Object.fromEntries(findings.filter((f) => f.severity === "warning").map((f) => [findingId(f), "已核实"]));
      const { revisionNumber } = await submitReport(clerk, { reportId, baseVersion: report.version, explanations }, prisma);
      await approveReport(reviewer, { reportId, revisionNumber, publish: true }, prisma);
    };
    await publish(last, 1, copied);

    const id = (await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma)).reportId;
    await saveReport(clerk, { reportId: id, baseVersion: 1, content: content(copied) }, prisma);
    expect((await expectStoredEqualsFresh(id)).some((f) => f.rule === "similar-previous")).toBe(true);

    // Last year's report is corrected with other words and published again.
    await startCorrection(clerk, { reportId: last, reason: "更正总体情况表述" }, prisma);
    const corrected = await prisma.report.findUniqueOrThrow({ where: { id: last } });
    await publish(last, corrected.version, ownWords);

    await saveReport(clerk, { reportId: id, baseVersion: 2, content: content(copied, { "applications.received.natural": "1" }) }, prisma);
    expect((await expectStoredEqualsFresh(id)).some((f) => f.rule === "similar-previous")).toBe(false);
  });
});
