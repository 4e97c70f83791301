// Audit rows for what a signed-in person did, or tried to do.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { roleLabel, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent, type AuditEventInput } from "@/lib/db/audit-rows";

interface AuditObject {
  type: string;
  id: string;
}

/** The audit row of a successful change by the actor. */
export function actorEventInput(actor: Actor, event: string, object: AuditObject, detail?: Prisma.InputJsonValue): AuditEventInput {
  return {
    actor: actor.username,
    role: roleLabel(actor),
    sourceIp: actor.sourceIp,
    event,
    objectType: object.type,
    objectId: object.id,
    result: "success",
    ...(detail === undefined ? {} : { detail }),
  };
}

/** A change by the actor, written in the change's own transaction. */
export function auditActorEvent(
  tx: Prisma.TransactionClient,
  actor: Actor,
  event: string,
  object: AuditObject,
  detail?: Prisma.InputJsonValue,
): Promise<void> {
  return recordAuditEvent(tx, actorEventInput(actor, event, object, detail));
}

/** A refused attempt, recorded on its own (the change it asked for never happens). */
export async function auditRefusal(
  prisma: PrismaClient,
  actor: Actor,
  event: string,
  object: AuditObject,
  reason: string,
): Promise<void> {
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: actor.username,
      role: roleLabel(actor),
      sourceIp: actor.sourceIp,
      event,
      objectType: object.type,
      objectId: object.id,
      result: "failure",
      detail: { reason },
    }),
  );
}
