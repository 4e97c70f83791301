// The server side of the report steps table (report-steps.ts): loads what a
// decision needs, and refuses a step — audited — exactly when the table says.
// Every step file and every screen's query goes through here.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { auditRefusal } from "@/lib/audit/actor-audit";
import { AppError } from "@/lib/errors";
import { reportStepRefusal, allowedReportSteps, reportSteps, type ReportStep, type ReportSubject } from "./report-steps";
import { alreadyHandled, loadReport } from "./transition-helpers";

type Client = PrismaClient | Prisma.TransactionClient;

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

/** The facts of a loaded report that the steps table decides on, for this actor. */
export async function reportSubjectOf(
  prisma: Client,
  actor: Actor,
  report: {
    id: string;
    status: ReportSubject["status"];
    organization: ReportSubject["organization"];
    lastEditedById: string | null;
    latest: { number: number; submittedById: string | null } | null;
  },
): Promise<ReportSubject> {
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

/** The steps the actor may take on a loaded report: what the screens offer. */
export async function reportStepsFor(prisma: Client, actor: Actor, report: Parameters<typeof reportSubjectOf>[2]) {
  return allowedReportSteps(actor, await reportSubjectOf(prisma, actor, report));
}

/**
 * Loads the report and refuses the step unless the table allows it: FORBIDDEN
 * (audited) for a role or separation-of-duties refusal, CONFLICT for a report
 * no longer in a state the step is taken from.
 */
export async function guardReportStep(prisma: PrismaClient, actor: Actor, reportId: string, step: ReportStep) {
  const report = await loadReport(prisma, reportId);
  const refusal = reportStepRefusal(actor, await reportSubjectOf(prisma, actor, report), step);
  if (refusal?.kind === "state") throw alreadyHandled();
  if (refusal) {
    const event = step === "approveAndPublish" && refusal.kind === "forbidden" ? "report.publish" : reportSteps[step].event;
    await auditRefusal(prisma, actor, event, { type: "report", id: report.id }, refusal.kind === "separation" ? "separation-of-duties" : "forbidden");
    throw new AppError("FORBIDDEN", refusal.message);
  }
  return report;
}
