// Shared by the workflow steps: loading the report with what decisions need,
// the audit row, and the refusal when someone else got there first.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { auditActorEvent } from "@/lib/audit/actor-audit";
import { AppError } from "@/lib/errors";

type Client = PrismaClient | Prisma.TransactionClient;

export async function loadReport(prisma: Client, reportId: string) {
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    include: {
      organization: true,
      revisions: { orderBy: { number: "desc" }, take: 1, include: { approval: true } },
    },
  });
  if (!report) throw new AppError("NOT_FOUND", "未找到该报告");
  return { ...report, latest: report.revisions[0] ?? null };
}

/** Two people acting on the same state: the second finds it changed. */
export const alreadyHandled = () => new AppError("CONFLICT", "该报告已被处理，请刷新后查看最新状态");

/** A report's workflow step, audited in the step's own transaction. */
export function auditTransition(
  tx: Prisma.TransactionClient,
  actor: Actor,
  event: string,
  reportId: string,
  detail?: Prisma.InputJsonValue,
) {
  return auditActorEvent(tx, actor, event, { type: "report", id: reportId }, detail);
}
