// 待审核 → 草稿, by the unit's clerk, before a reviewer has decided.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canEditReportsOf } from "@/lib/reports/permissions";
import type { ZReportRef } from "./schemas";
import { alreadyHandled, auditTransition, loadReport } from "./transition-helpers";
import { auditRefusal } from "@/lib/audit/actor-audit";

export async function withdrawReport(actorOrNull: Actor | null, input: z.output<typeof ZReportRef>, prisma: PrismaClient = db()) {
  const actor = requireActor(actorOrNull);
  const report = await loadReport(prisma, input.reportId);
  if (!canEditReportsOf(actor, report.organization)) {
    await auditRefusal(prisma, actor, "report.withdraw", { type: "report", id: report.id }, "forbidden");
    throw new AppError("FORBIDDEN", "只有本单位的填报人可以撤回");
  }
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: { id: report.id, status: "SUBMITTED" },
      data: { status: "DRAFT", version: { increment: 1 } },
    });
    if (count === 0) throw alreadyHandled();
    await auditTransition(tx, actor, "report.withdraw", report.id, { revision: report.latest?.number ?? null });
  });
}
