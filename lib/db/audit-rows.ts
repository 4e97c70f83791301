// Writes append-only audit rows: the storage layer under lib/audit (which adds
// who did it) and lib/auth (sign-in events), so neither imports the other back.
// Callers pass their transaction so the row commits with the change it
// records, or not at all.
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertRows } from "./insert-rows";

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

const AUDIT_COLUMNS = {
  actor: "text",
  role: "text",
  source_ip: "text",
  event: "text",
  object_type: "text",
  object_id: "text",
  result: "text",
  detail: "jsonb",
} as const;

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

/** Many rows in one statement (a bulk import's or 催报's row per item), in their order: the rows recordAuditEvent writes. */
export async function recordAuditEvents(tx: Prisma.TransactionClient, inputs: readonly AuditEventInput[]): Promise<void> {
  const rows = inputs.map(auditRow).map((row) => ({
    actor: row.actor,
    role: row.role,
    source_ip: row.sourceIp,
    event: row.event,
    object_type: row.objectType,
    object_id: row.objectId,
    result: row.result,
    detail: "detail" in row ? JSON.stringify(row.detail) : null,
  }));
  await insertRows(tx, "audit_event", AUDIT_COLUMNS, rows);
}
