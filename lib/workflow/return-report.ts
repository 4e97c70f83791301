// 待审核 (or 已通过) → 草稿 with the reviewer's comments, each optionally on a
// section or cell.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canPublishReportsOf, canReviewReportsOf } from "@/lib/reports/permissions";
import type { ZReturnReportInput } from "./schemas";
import { alreadyHandled, auditTransition, loadReport } from "./transition-helpers";
import { auditRefusal } from "@/lib/audit/actor-audit";

export async function returnReport(
  actorOrNull: Actor | null,
  input: z.output<typeof ZReturnReportInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const report = await loadReport(prisma, input.reportId);
  // A submission goes back from its reviewer; an approved report, from whoever
  // would publish it (the 主管部门 may find a mistake the reviewer missed).
  const allowed =
    (report.status === "SUBMITTED" && canReviewReportsOf(actor, report.organization)) ||
    (report.status === "APPROVED" && canPublishReportsOf(actor, report.organization));
  if (!allowed && !canReviewReportsOf(actor, report.organization) && !canPublishReportsOf(actor, report.organization)) {
    await auditRefusal(prisma, actor, "report.return", { type: "report", id: report.id }, "forbidden");
    throw new AppError("FORBIDDEN", "只有本单位的审核人可以退回");
  }
  if (!allowed || report.latest?.number !== input.revisionNumber) throw alreadyHandled();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: {
        id: report.id,
        status: report.status,
        // The comments belong to the revision the reviewer read: not a newer one.
        revisions: { none: { number: { gt: input.revisionNumber } } },
      },
      data: { status: "DRAFT", version: { increment: 1 } },
    });
    if (count === 0) throw alreadyHandled();
    await tx.reviewComment.createMany({
      data: input.comments.map((c) => ({ revisionId: report.latest!.id, authorId: actor.accountId, target: c.target, body: c.body })),
    });
    await auditTransition(tx, actor, "report.return", report.id, { revision: input.revisionNumber, comments: input.comments.length });
  });
}
