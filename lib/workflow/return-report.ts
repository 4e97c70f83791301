// 待审核 → 草稿 with the reviewer's comments, each optionally on a section or cell.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canReviewReportsOf } from "@/lib/reports/permissions";
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
  if (!canReviewReportsOf(actor, report.organization)) {
    await auditRefusal(prisma, actor, "report.return", { type: "report", id: report.id }, "forbidden");
    throw new AppError("FORBIDDEN", "只有本单位的审核人可以退回");
  }
  if (report.latest?.number !== input.revisionNumber) throw alreadyHandled();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: { id: report.id, status: "SUBMITTED" },
      data: { status: "DRAFT", version: { increment: 1 } },
    });
    if (count === 0) throw alreadyHandled();
    await tx.reviewComment.createMany({
      data: input.comments.map((c) => ({ revisionId: report.latest!.id, authorId: actor.accountId, target: c.target, body: c.body })),
    });
    await auditTransition(tx, actor, "report.return", report.id, { revision: input.revisionNumber, comments: input.comments.length });
  });
}
