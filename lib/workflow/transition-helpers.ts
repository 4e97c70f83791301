// Shared by the workflow steps: loading the report with what decisions need,
// the audit row, and the refusal when someone else got there first.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { roleLabel, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
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

export function auditTransition(
  tx: Prisma.TransactionClient,
  actor: Actor,
  event: string,
  reportId: string,
  detail?: Prisma.InputJsonValue,
) {
  return recordAuditEvent(tx, {
    actor: actor.username,
    role: roleLabel(actor),
    sourceIp: actor.sourceIp,
    event,
    objectType: "report",
    objectId: reportId,
    result: "success",
    ...(detail === undefined ? {} : { detail }),
  });
}

/** A refused attempt is recorded too, outside the (rolled back) change. */
export async function auditRefusal(prisma: PrismaClient, actor: Actor, event: string, reportId: string, reason: string) {
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: actor.username,
      role: roleLabel(actor),
      sourceIp: actor.sourceIp,
      event,
      objectType: "report",
      objectId: reportId,
      result: "failure",
      detail: { reason },
    }),
  );
}
