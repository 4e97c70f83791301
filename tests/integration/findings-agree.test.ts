// The scenario of a report started from last year's: the tables change, the
// text does not. The editor, the submission, the review page and the county
// board must all find the same things — R8, stale years, 雷同 — and a clerk
// must never learn which other unit's draft their text resembles.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChecks } from "@/app/workspace/reports/[reportId]/_components/editor-checks";
import { initialState } from "@/app/workspace/reports/[reportId]/_components/editor-state";
import type { Actor } from "@/lib/auth/actor";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { findingId, format2021, formatCells, type Finding } from "@/lib/report-format";
import { getReportForEditor } from "@/lib/reports/editor-queries";
import { importReport } from "@/lib/reports/import-report";
import { getReviewView } from "@/lib/reports/review-queries";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { loadStatusBoard } from "@/lib/supervision/board";
import { submitReport } from "@/lib/reports/steps/submit-report";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
const sample = parseTextReport(readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8"), format2021);

let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerk: Actor;
let reviewer: Actor;
let supervisor: Actor;
let reportId: string;

/** The sample as town A's own 2023 report: its name in place of 雷官镇. */
const asTown = (text: string, town: string) => text.replaceAll("雷官镇", town);

beforeAll(async () => {
  towns = await createCountyWithTownships(prisma);
  clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
  reviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
  supervisor = await signedInActor(prisma, [{ organizationId: towns.county.id, role: "SUPERVISOR" }]);
  const sections = Object.fromEntries(Object.entries(sample.sections).map(([k, v]) => [k, asTown(v, "甲镇")])) as typeof sample.sections;
  await importReport(prisma, {
    organizationSlug: towns.townA.slug,
    year: 2023,
    parsed: { ...sample, title: `${towns.townA.name}2023年政府信息公开工作年度报告`, sections, signedOn: "2024-01-24" },
    actor: "test",
    publish: true,
  });
  // Town B's 2024 draft: town A's text with the name swapped (雷同).
  const copied = Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.replaceAll("甲镇", "乙镇").replaceAll("2023", "2024")]));
  await importReport(prisma, {
    organizationSlug: towns.townB.slug,
    year: 2024,
    parsed: { ...sample, title: `${towns.townB.name}2024年政府信息公开工作年度报告`, sections: copied as typeof sample.sections, signedOn: "2025-01-20" },
    actor: "test",
    publish: false,
  });

  // Town A's clerk starts 2024 from 2023, changes the tables (3 applications received, all granted) and keeps the text.
  reportId = (await startReport(clerk, { organizationId: towns.townA.id, year: 2024, prefill: true }, prisma)).reportId;
  const report = await getReportForEditor(clerk, reportId, prisma);
  const cells = Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, String(sample.values[c.key] ?? 0)]));
  const saved = await saveReport(
    clerk,
    {
      reportId,
      baseVersion: report.version,
      content: {
        ...report.content,
        signedOn: "2025-01-20",
        cells: { ...cells, "applications.received.natural": "3", "applications.granted.natural": "3" },
      },
    },
    prisma,
  );
  expect(saved.status).toBe("saved");
});
afterAll(() => prisma.$disconnect());

const ids = (findings: readonly Finding[]) => findings.map(findingId).sort();

async function editorFindings(actor: Actor) {
  const report = await getReportForEditor(actor, reportId, prisma);
  const state = initialState(format2021, report.version, report.savedAt, report.content, report.peerFindings);
  return runChecks(format2021, state, {
    organization: report.organization,
    year: report.year,
    previousValues: report.previousValues,
    previousSections: report.previousSections,
    catalogFigures: report.catalogFigures,
    peerFindings: report.peerFindings,
  }).findings;
}

describe("a 2024 report started from 2023 with its text kept", () => {
  it("shows the clerk R8, stale years and 雷同 in the editor, without naming the other unit", async () => {
    const findings = await editorFindings(clerk);
    const r8 = findings.filter((f) => f.rule === "R8");
    expect(r8.map((f) => f.quote?.text)).toContainEqual(expect.stringContaining("没有收到"));
    expect(r8.every((f) => f.section && f.quote?.mark)).toBe(true);
    const stale = findings.filter((f) => f.rule === "stale-year");
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.map((f) => f.quote!.text.slice(f.quote!.mark!.start, f.quote!.mark!.end))).toContain("2023年");
    expect(findings.some((f) => f.rule === "unchanged-paragraph" && f.beside?.label === "上一年度报告")).toBe(true);
    const peer = findings.filter((f) => f.rule === "similar-peer");
    expect(peer.length).toBeGreaterThan(0);
    for (const finding of peer) {
      expect(finding.peer).toBeUndefined();
      expect(finding.beside).toBeUndefined();
      expect(JSON.stringify(finding)).not.toContain("乙镇");
    }
  });

  it("is found alike by the editor, the review page and the board, and the submission needs every warning explained", async () => {
    const inEditor = await editorFindings(clerk);
    expect(inEditor.filter((f) => f.severity === "error")).toEqual([]);
    const warnings = inEditor.filter((f) => f.severity === "warning");
    const report = await getReportForEditor(clerk, reportId, prisma);
    const explainAllBut = (n: number) => Object.fromEntries(warnings.slice(n).map((f) => [findingId(f), "已核实"]));
    await expect(submitReport(clerk, { reportId, baseVersion: report.version, explanations: explainAllBut(1) }, prisma)).rejects.toMatchObject({
      code: "INVALID",
      message: "有1项提示需要填写说明后才能提交",
    });
    await submitReport(clerk, { reportId, baseVersion: report.version, explanations: explainAllBut(0) }, prisma);

    const review = await getReviewView(reviewer, reportId, prisma);
    expect(ids(review.findings)).toEqual(ids(inEditor));
    expect(review.findings.every((f) => f.explanation === "已核实" || f.severity === "error")).toBe(true);
    // The unit's reviewer learns which unit; the other unit's text stays with the supervisor.
    const reviewerPeer = review.findings.find((f) => f.rule === "similar-peer")!;
    expect(reviewerPeer.peer?.unitName).toBe("乙镇");
    expect(reviewerPeer.beside).toBeUndefined();

    const board = await loadStatusBoard(supervisor, towns.county.slug, 2024, prisma);
    const row = board.rows.find((r) => r.organization.id === towns.townA.id)!;
    expect(ids(row.findings)).toEqual(ids(inEditor));
    expect(row.errors).toBe(0);
    const boardPeer = row.findings.find((f) => f.rule === "similar-peer")!;
    expect(boardPeer.beside?.text.length).toBeGreaterThan(20);
    // Town B is told of the same likeness, from its side.
    const rowB = board.rows.find((r) => r.organization.id === towns.townB.id)!;
    expect(rowB.findings.some((f) => f.rule === "similar-peer" && f.peer?.unitName === "甲镇")).toBe(true);
  });

  it("shows the reviewer of a first submission what changed since last year's published report", async () => {
    const review = await getReviewView(reviewer, reportId, prisma);
    expect(review.previousNumber).toBeNull();
    expect(review.diffAgainstYear).toBe(2023);
    expect(review.diff?.cells.map((c) => [c.key, c.before, c.after])).toContainEqual(["applications.received.natural", 0, 3]);
  });
});
