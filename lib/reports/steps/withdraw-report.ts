// 待审核 → 草稿, by the unit's clerk, before a reviewer has decided.
import { guardReportStep } from "./report-step-guard";
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ZReportRef } from "./schemas";
import { alreadyHandled, auditTransition } from "./transition-helpers";

export async function withdrawReport(actorOrNull: Actor | null, input: z.output<typeof ZReportRef>, prisma: PrismaClient = db()) {
  const actor = requireActor(actorOrNull);
  const report = await guardReportStep(prisma, actor, input.reportId, "withdraw");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: { id: report.id, status: "SUBMITTED" },
      data: { status: "DRAFT", version: { increment: 1 } },
    });
    if (count === 0) throw alreadyHandled();
    await auditTransition(tx, actor, "report.withdraw", report.id, { revision: report.latest?.number ?? null });
  });
}
