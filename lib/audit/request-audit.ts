// Audit rows for what is asked of the app outside a change: downloads of
// exports by staff, and requests it refuses before any data function runs (an
// upload from another origin, without a session, too large, with several
// files; a Server Action without a session or refused). Written on their own:
// there is no change for them to commit with.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { roleLabel, type Actor } from "@/lib/auth/actor";
import { sourceIpFrom } from "@/lib/auth/source-ip";
import { db } from "@/lib/db/client";
import { auditActorEvent } from "./actor-audit";
import { recordAuditEvent } from "@/lib/db/audit-rows";

/** A staff member downloaded an export (the board, a roll-up, a catalog index). */
export async function auditExport(actor: Actor, event: string, object: { type: string; id: string }, detail: Prisma.InputJsonValue) {
  await db().$transaction((tx) => auditActorEvent(tx, actor, event, object, detail));
}

/** A request refused before it reached any data: who (if known), from where, and why. */
export async function auditRefusedRequest(
  actor: Actor | null,
  request: Request | null,
  event: string,
  detail: Record<string, string | number | null>,
) {
  const sourceIp = actor?.sourceIp ?? (request ? sourceIpFrom((name) => request.headers.get(name)) : null);
  try {
    await db().$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: actor?.username ?? "(未登录)",
        role: actor ? roleLabel(actor) : null,
        sourceIp,
        event,
        result: "failure",
        detail,
      }),
    );
  } catch (error) {
    // The refusal stands even when it cannot be recorded (the database is down, say).
    console.warn(`[audit] could not record ${event}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
