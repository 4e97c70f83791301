// 更正: a published report goes back to draft for correction. The public page
// keeps the published revision until the correction is approved and published.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { runReportStep } from "./report-workflow";
import type { ZStartCorrectionInput } from "./schemas";

export async function startCorrection(
  actorOrNull: Actor | null,
  input: z.output<typeof ZStartCorrectionInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  await runReportStep(prisma, actor, input.reportId, "correct", async (tx, report) => {
    await tx.report.update({
      where: { id: report.id },
      data: { status: "DRAFT", correctionReason: input.reason, version: { increment: 1 }, lastEditedById: actor.accountId },
    });
    return { result: undefined, detail: { reason: input.reason } };
  });
}
