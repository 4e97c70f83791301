// 更正: a published report goes back to draft for correction. The public page
// keeps the published revision until the correction is approved and published.
import { guardReportStep } from "./report-step-guard";
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ZStartCorrectionInput } from "./schemas";
import { alreadyHandled, auditTransition } from "./transition-helpers";

export async function startCorrection(
  actorOrNull: Actor | null,
  input: z.output<typeof ZStartCorrectionInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const report = await guardReportStep(prisma, actor, input.reportId, "correct");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: { id: report.id, status: "PUBLISHED" },
      data: { status: "DRAFT", correctionReason: input.reason, version: { increment: 1 }, lastEditedById: actor.accountId },
    });
    if (count === 0) throw alreadyHandled();
    await auditTransition(tx, actor, "report.correct", report.id, { reason: input.reason });
  });
}
