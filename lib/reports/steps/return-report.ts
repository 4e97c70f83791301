// 待审核 (or 已通过) → 草稿 with the reviewer's comments, each optionally on a
// section or cell.
import { guardReportStep } from "./report-step-guard";
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ZReturnReportInput } from "./schemas";
import { alreadyHandled, auditTransition } from "./transition-helpers";

export async function returnReport(
  actorOrNull: Actor | null,
  input: z.output<typeof ZReturnReportInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  // Who may return it in which state: the steps table (report-steps.ts).
  const report = await guardReportStep(prisma, actor, input.reportId, "return");
  if (report.latest?.number !== input.revisionNumber) throw alreadyHandled();
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
