// 待审核 (or 已通过) → 草稿 with the reviewer's comments, each optionally on a
// section or cell.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { noticeReturned } from "@/lib/notifications/report-notices";
import { reportAlreadyHandled, runReportStep } from "./report-workflow";
import type { ZReturnReportInput } from "./schemas";

export async function returnReport(
  actorOrNull: Actor | null,
  input: z.output<typeof ZReturnReportInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  // Who may return it in which state: the steps table (report-steps.ts).
  await runReportStep(prisma, actor, input.reportId, "return", async (tx, report) => {
    // The comments belong to the revision the reviewer read: not a newer one.
    if (!report.latest || report.latest.number !== input.revisionNumber) throw reportAlreadyHandled();
    await tx.report.update({ where: { id: report.id }, data: { status: "DRAFT", version: { increment: 1 } } });
    await tx.reviewComment.createMany({
      data: input.comments.map((c) => ({ revisionId: report.latest!.id, authorId: actor.accountId, target: c.target, body: c.body })),
    });
    await noticeReturned(tx, actor, report, input.comments.length);
    return { result: undefined, detail: { revision: input.revisionNumber, comments: input.comments.length } };
  });
}
