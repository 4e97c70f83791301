// 待审核 → 草稿, by the unit's clerk, before a reviewer has decided.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { runReportStep } from "./report-workflow";
import type { ZReportRef } from "./schemas";

export async function withdrawReport(actorOrNull: Actor | null, input: z.output<typeof ZReportRef>, prisma: PrismaClient = db()) {
  await runReportStep(prisma, requireActor(actorOrNull), input.reportId, "withdraw", async (tx, report) => {
    await tx.report.update({ where: { id: report.id }, data: { status: "DRAFT", version: { increment: 1 } } });
    return { result: undefined, detail: { revision: report.latest?.number ?? null } };
  });
}
