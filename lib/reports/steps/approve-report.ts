// 待审核 → 已通过 (and, when the reviewer publishes, → 已发布 in the same
// transaction). Whoever submitted or last edited the revision cannot approve
// it. Of two reviewers approving at once, exactly one succeeds.
import { guardReportStep } from "./report-step-guard";
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { stampPublication } from "./freeze-revision";
import type { ZApproveReportInput } from "./schemas";
import { alreadyHandled, auditTransition } from "./transition-helpers";

export async function approveReport(
  actorOrNull: Actor | null,
  input: z.output<typeof ZApproveReportInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  // Who may approve (and publish at once), and who may not because they helped write it: the steps table.
  const report = await guardReportStep(prisma, actor, input.reportId, input.publish ? "approveAndPublish" : "approve");
  const revision = report.latest;
  if (!revision || revision.number !== input.revisionNumber) throw alreadyHandled();
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
