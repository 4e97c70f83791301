// 待审核 → 已通过 (and, when the reviewer publishes, → 已发布 in the same
// transaction). Whoever submitted or last edited the revision cannot approve
// it. Of two reviewers approving at once, exactly one succeeds.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canPublishReportsOf, canReviewReportsOf } from "@/lib/reports/permissions";
import { stampPublication } from "./freeze-revision";
import type { ZApproveReportInput } from "./schemas";
import { alreadyHandled, auditTransition, loadReport } from "./transition-helpers";
import { auditRefusal } from "@/lib/audit/actor-audit";

export async function approveReport(
  actorOrNull: Actor | null,
  input: z.output<typeof ZApproveReportInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const report = await loadReport(prisma, input.reportId);
  if (!canReviewReportsOf(actor, report.organization)) {
    await auditRefusal(prisma, actor, "report.approve", { type: "report", id: report.id }, "forbidden");
    throw new AppError("FORBIDDEN", "只有本单位的审核人可以审核");
  }
  const revision = report.latest;
  if (!revision || revision.number !== input.revisionNumber || report.status !== "SUBMITTED") throw alreadyHandled();
  if (
    revision.submittedById === actor.accountId ||
    report.lastEditedById === actor.accountId ||
    (await savedSincePreviousRevision(prisma, actor, report.id, revision.number))
  ) {
    await auditRefusal(prisma, actor, "report.approve", { type: "report", id: report.id }, "separation-of-duties");
    throw new AppError("FORBIDDEN", "提交或最后修改该报告的人不能审核通过");
  }
  if (input.publish && !canPublishReportsOf(actor, report.organization)) {
    await auditRefusal(prisma, actor, "report.publish", { type: "report", id: report.id }, "forbidden");
    throw new AppError("FORBIDDEN", "本单位的报告由主管部门发布");
  }
  return prisma.$transaction(async (tx) => {
    // The status check and change are one statement: a second approver finds nothing to change.
    const { count } = await tx.report.updateMany({
      where: { id: report.id, status: "SUBMITTED", revisions: { none: { number: { gt: input.revisionNumber } } } },
      data: { status: "APPROVED" },
    });
    if (count === 0) throw alreadyHandled();
    await tx.approval.create({ data: { revisionId: revision.id, approvedById: actor.accountId } });
    await auditTransition(tx, actor, "report.approve", report.id, { revision: revision.number });
    if (!input.publish) return { published: false as const };
    const published = await stampPublication(tx, revision.id, actor.accountId);
    await auditTransition(tx, actor, "report.publish", report.id, {
      revision: published.number,
      indexNumber: published.indexNumber,
    });
    return { published: true as const, indexNumber: published.indexNumber };
  });
}

/** Whoever saved any of the content since the previous revision helped write this one. */
async function savedSincePreviousRevision(prisma: PrismaClient, actor: Actor, reportId: string, number: number) {
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
