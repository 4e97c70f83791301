// The audit screen's reading of the log: only for 审计员 accounts.
import "server-only";
import { z } from "zod";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cleanQuery } from "@/lib/validation/plain-text";

// A filter never fails on what was typed into it: control characters are dropped, an overlong one cut.
const optional = z
  .string()
  .optional()
  .transform((v) => cleanQuery(v)?.trim().slice(0, 200) || undefined);

export const ZAuditFilters = z.object({
  event: optional,
  actor: optional,
  objectId: optional,
  result: z.enum(["success", "failure"]).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type TAuditFilters = Partial<z.output<typeof ZAuditFilters>>;

export const AUDIT_PAGE_SIZE = 200;

export async function listAuditEvents(actorOrNull: Actor | null, filters: TAuditFilters, prisma: PrismaClient = db()) {
  const actor = requireActor(actorOrNull);
  if (!actor.isAuditor) throw new AppError("FORBIDDEN", "只有审计员可以查看审计日志");
  const where: Prisma.AuditEventWhereInput = {
    ...(filters.event ? { event: { startsWith: filters.event } } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.objectId ? { objectId: filters.objectId } : {}),
    ...(filters.result ? { result: filters.result } : {}),
    ...(filters.from || filters.to
      ? {
          occurredAt: {
            // Dates are China dates: the day runs from 00:00 to 24:00 at UTC+8.
            ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00+08:00`) } : {}),
            ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00+08:00`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  return prisma.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE });
}
