// Roles × states × separation of duties: for every combination, the steps the
// screens offer (the editor's workflow panel, the review page) are exactly the
// steps the server's guard lets through (lib/workflow/report-steps.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getReportForEditor } from "@/lib/reports/editor-queries";
import { getReviewView } from "@/lib/reports/review-queries";
import { startReport } from "@/lib/reports/start-report";
import { approveReport } from "@/lib/reports/steps/approve-report";
import { publishReport } from "@/lib/reports/steps/publish-report";
import { checkReportStep } from "@/lib/reports/steps/report-workflow";
import { allReportSteps, type ReportStep } from "@/lib/reports/steps/report-steps";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { submittedReport } from "./reports/report-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

type State = "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED";
const STATES: State[] = ["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED"];
const cases: { publisher: string; state: State; reportId: string }[] = [];
const actors: [string, Actor][] = [];

beforeAll(async () => {
  const { county, townA, townB } = await createCountyWithTownships(prisma);
  // 甲镇's reviewer publishes; 乙镇 files first and the county's 主管部门 publishes (先备案后公布).
  await prisma.organization.update({ where: { id: townB.id }, data: { publisher: "SUPERVISOR" } });
  const other = await createCountyWithTownships(prisma);
  const supervisor = await signedInActor(prisma, [{ organizationId: county.id, role: "SUPERVISOR" }]);
  for (const town of [townA, townB]) {
    // The author holds both roles: the separation-of-duties case.
    const author = await signedInActor(prisma, [{ organizationId: town.id, role: "CLERK" }, { organizationId: town.id, role: "REVIEWER" }]);
    const reviewer = await signedInActor(prisma, [{ organizationId: town.id, role: "REVIEWER" }]);
    const draft = (await startReport(author, { organizationId: town.id, year: 2024, prefill: false }, prisma)).reportId;
    const submitted = await submittedReport(prisma, author, town.id, 2023);
    const approved = await submittedReport(prisma, author, town.id, 2022);
    await approveReport(reviewer, { reportId: approved, revisionNumber: 1, publish: false }, prisma);
    const published = await submittedReport(prisma, author, town.id, 2021);
    await approveReport(reviewer, { reportId: published, revisionNumber: 1, publish: false }, prisma);
    await publishReport(town === townA ? reviewer : supervisor, { reportId: published, revisionNumber: 1 }, prisma);
    const publisher = town === townA ? "reviewer publishes" : "主管部门 publishes";
    cases.push(...STATES.map((state, i) => ({ publisher, state, reportId: [draft, submitted, approved, published][i]! })));
    actors.push(
      [`${publisher}: author (填报人 and 审核人)`, author],
      [`${publisher}: reviewer`, reviewer],
      [`${publisher}: clerk`, await signedInActor(prisma, [{ organizationId: town.id, role: "CLERK" }])],
    );
  }
  actors.push(
    ["county supervisor", supervisor],
    ["administrator", await signedInActor(prisma, [], { isSystemAdmin: true })],
    ["another county's clerk", await signedInActor(prisma, [{ organizationId: other.townA.id, role: "CLERK" }])],
  );
}, 120_000);

/** What the screens offer this actor on this report. */
async function offered(actor: Actor, reportId: string): Promise<Set<ReportStep | "review">> {
  const steps = new Set<ReportStep | "review">();
  const editor = await getReportForEditor(actor, reportId, prisma).catch(() => null);
  if (editor?.canEdit) steps.add("save");
  if (editor?.can.submit) steps.add("submit");
  if (editor?.can.withdraw) steps.add("withdraw");
  if (editor?.can.correct) steps.add("correct");
  if (editor?.can.review) steps.add("review");
  const review = await getReviewView(actor, reportId, prisma).catch(() => null);
  if (review?.can.decide) steps.add("approve");
  if (review?.can.approveAndPublish) steps.add("approveAndPublish");
  if (review?.can.publish) steps.add("publish");
  if (review?.can.returnReport) steps.add("return");
  return steps;
}

/** What the server's guard lets through, step by step. */
async function accepted(actor: Actor, reportId: string): Promise<Set<ReportStep | "review">> {
  const steps = new Set<ReportStep | "review">();
  for (const step of allReportSteps) {
    if (await checkReportStep(prisma, actor, reportId, step).then(() => true, () => false)) steps.add(step);
  }
  if (["approve", "approveAndPublish", "return", "publish"].some((s) => steps.has(s as ReportStep))) steps.add("review");
  return steps;
}

describe("the report steps table", () => {
  it("for every role, state and separation-of-duties case, the screens offer exactly what the server accepts", async () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (const { publisher, state, reportId } of cases) {
      for (const [who, actor] of actors) {
        const [screen, server] = [await offered(actor, reportId), await accepted(actor, reportId)];
        checked += 1;
        const a = [...screen].sort().join(",");
        const b = [...server].sort().join(",");
        if (a !== b) disagreements.push(`${publisher}, ${state}, ${who}: screens [${a}] server [${b}]`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBe(8 * 9);
  });

  it("the author of a submission is offered 退回 (and, as its 填报人, 撤回) but not 审核通过, as the server decides", async () => {
    const [, author] = actors[0]!;
    const submitted = cases.find((c) => c.state === "SUBMITTED")!;
    expect([...(await offered(author, submitted.reportId))].sort()).toEqual(["return", "review", "withdraw"]);
  });
});
