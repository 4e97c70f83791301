// 已通过 → 已发布, by whoever the organization's configuration names.
import { guardReportStep } from "./report-step-guard";
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { stampPublication } from "./freeze-revision";
import type { ZReviewDecisionInput } from "./schemas";
import { alreadyHandled, auditTransition } from "./transition-helpers";
import { auditRefusal } from "@/lib/audit/actor-audit";

export async function publishReport(
  actorOrNull: Actor | null,
  input: z.output<typeof ZReviewDecisionInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const report = await guardReportStep(prisma, actor, input.reportId, "publish").catch(async (error: unknown) => {
    // Publishing what is not approved is worth a record of its own.
    if (error instanceof AppError && error.code === "CONFLICT") {
      await auditRefusal(prisma, actor, "report.publish", { type: "report", id: input.reportId }, "not-approved");
      throw new AppError("CONFLICT", "只有审核通过的报告才能发布，请刷新后查看最新状态");
    }
    throw error;
  });
  const revision = report.latest;
  if (!revision?.approval || revision.number !== input.revisionNumber) {
    await auditRefusal(prisma, actor, "report.publish", { type: "report", id: report.id }, "not-approved");
    throw new AppError("CONFLICT", "只有审核通过的报告才能发布，请刷新后查看最新状态");
  }
  return prisma.$transaction(async (tx) => {
    // Publishes exactly the revision the publisher read: not a newer one.
    const { count } = await tx.report.updateMany({
      where: { id: report.id, status: "APPROVED", revisions: { none: { number: { gt: input.revisionNumber } } } },
      data: { status: "PUBLISHED" },
    });
    if (count === 0) throw alreadyHandled();
    const published = await stampPublication(tx, revision.id, actor.accountId);
    await auditTransition(tx, actor, "report.publish", report.id, { revision: published.number, indexNumber: published.indexNumber });
    return { indexNumber: published.indexNumber };
  });
}
