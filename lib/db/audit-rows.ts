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

/**
 * Many rows in one statement (a bulk import's or 催报's row per item), in
 * their order: the rows as recordAuditEvent writes them, passed as one array
 * per column — Prisma's createMany builds a parameter per value, some 9 s of
 * work for 10,000 rows, where this is a few milliseconds.
 */
export async function recordAuditEvents(tx: Prisma.TransactionClient, inputs: readonly AuditEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map(auditRow);
  const column = <T>(value: (row: (typeof rows)[number]) => T) => rows.map(value);
  await tx.$executeRaw`
    insert into audit_event (actor, role, source_ip, event, object_type, object_id, result, detail)
    select actor, role, source_ip, event, object_type, object_id, result, detail::jsonb
      from unnest(
        ${column((r) => r.actor)}::text[], ${column((r) => r.role)}::text[], ${column((r) => r.sourceIp)}::text[], ${column((r) => r.event)}::text[],
        ${column((r) => r.objectType)}::text[], ${column((r) => r.objectId)}::text[], ${column((r) => r.result)}::text[],
        ${column((r) => ("detail" in r ? JSON.stringify(r.detail) : null))}::text[]
      ) with ordinality as t(actor, role, source_ip, event, object_type, object_id, result, detail, n)
     order by n`;
}

