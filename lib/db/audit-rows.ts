// Writes append-only audit rows: the storage layer under lib/audit (which adds
// who did it) and lib/auth (sign-in events), so neither imports the other back.
// Callers pass their transaction so the row commits with the change it
// records, or not at all.
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEventInput {
  /** Account name, or "system:<command>" for command-line tools. */
  actor: string;
  role?: string | null;
  sourceIp?: string | null;
  event: string;
  objectType?: string;
  objectId?: string;
  result: "success" | "failure";
  detail?: Prisma.InputJsonValue;
}

function auditRow(input: AuditEventInput) {
  return {
    actor: input.actor,
    role: input.role ?? null,
    sourceIp: input.sourceIp ?? null,
    event: input.event,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    result: input.result,
    ...(input.detail === undefined ? {} : { detail: input.detail }),
  };
}

export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(input) });
}

/** Many rows in one statement (a bulk import's one row per item). */
export async function recordAuditEvents(tx: Prisma.TransactionClient, inputs: readonly AuditEventInput[]): Promise<void> {
  if (inputs.length > 0) await tx.auditEvent.createMany({ data: inputs.map(auditRow) });
}

