// The server side of the report steps table (report-steps.ts): where a
// report is stored and what a decision about it needs to know. The step files
// take their step through runReportStep (lib/workflow/run-step.ts); the
// screens ask reportStepsFor what to offer.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { checkStep, runStep, staleRefusal, type StepDone, type Workflow } from "@/lib/workflow/run-step";
import { allowedReportSteps, reportLifecycle, type ReportStep, type ReportSubject, type UnitRole } from "./report-steps";

type Client = PrismaClient | Prisma.TransactionClient;

async function lockAndLoadReport(tx: Prisma.TransactionClient, reportId: string) {
  await tx.$queryRaw`SELECT id FROM report WHERE id = ${reportId}::uuid FOR UPDATE`;
  const report = await tx.report.findUnique({
    where: { id: reportId },
    include: {
      organization: true,
      revisions: { orderBy: { number: "desc" }, take: 1, include: { approval: true } },
    },
  });
  return report && { ...report, latest: report.revisions[0] ?? null };
}

export type LoadedReport = NonNullable<Awaited<ReturnType<typeof lockAndLoadReport>>>;

/** Whoever saved any of the content since the previous revision helped write this one. */
async function savedSincePreviousRevision(prisma: Client, actor: Actor, reportId: string, number: number | null) {
  if (number === null) return false;
  const previous = await prisma.reportRevision.findFirst({
    where: { reportId, number: { lt: number } },
    orderBy: { number: "desc" },
    select: { createdAt: true },
  });
  const saves = await prisma.auditEvent.count({
    where: {
      objectType: "report",
      objectId: reportId,
      event: { in: ["report.save", "report.create"] },
      result: "success",
      actor: actor.username,
      ...(previous ? { occurredAt: { gt: previous.createdAt } } : {}),
    },
  });
  return saves > 0;
}

type SubjectFacts = Pick<LoadedReport, "id" | "status" | "organization" | "lastEditedById"> & {
  latest: { number: number; submittedById: string | null } | null;
};

/** The facts of a report that the steps table decides on, for this actor. */
export async function reportSubjectOf(prisma: Client, actor: Actor, report: SubjectFacts): Promise<ReportSubject> {
  return {
    status: report.status,
    organization: report.organization,
    submittedById: report.latest?.submittedById ?? null,
    lastEditedById: report.lastEditedById,
    // Only a decision on a submission needs it: one query, for reviewers only.
    actorSavedSincePreviousRevision:
      report.status === "SUBMITTED" ? await savedSincePreviousRevision(prisma, actor, report.id, report.latest?.number ?? null) : false,
  };
}

export const reportWorkflow: Workflow<ReportSubject["status"], ReportStep, UnitRole | "reviewer&publisher", ReportSubject, LoadedReport> = {
  lifecycle: reportLifecycle,
  objectType: "report",
  notFound: "未找到该报告",
  lockAndLoad: lockAndLoadReport,
  subjectOf: reportSubjectOf,
};

/** The steps the actor may take on a loaded report: what the screens offer. */
export async function reportStepsFor(prisma: Client, actor: Actor, report: SubjectFacts) {
  return allowedReportSteps(actor, await reportSubjectOf(prisma, actor, report));
}

/** Takes a step on a report: row lock, the table's decision, the change and its audit in one transaction. */
export function runReportStep<R>(
  prisma: PrismaClient,
  actor: Actor,
  reportId: string,
  step: ReportStep,
  change: (tx: Prisma.TransactionClient, report: LoadedReport) => Promise<StepDone<R>>,
): Promise<R> {
  return runStep(prisma, reportWorkflow, actor, reportId, step, change);
}

/** Whether the server would let the actor take the step now (audited when not), without taking it. */
export function checkReportStep(prisma: PrismaClient, actor: Actor, reportId: string, step: ReportStep) {
  return checkStep(prisma, reportWorkflow, actor, reportId, step);
}

/** Two people acting on the same report: the second's reading is stale. */
export const reportAlreadyHandled = () => staleRefusal(reportWorkflow);
