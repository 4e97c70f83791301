// A person's inbox: their notifications, newest first, and marking them read.
// Each person reads and marks only their own (the account is the actor's,
// never one the browser names).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { auditActorEvent } from "@/lib/audit/actor-audit";
import { db } from "@/lib/db/client";

const INBOX_SIZE = 200;

export async function listInbox(actorOrNull: Actor | null, prisma: PrismaClient = db()) {
  const actor = requireActor(actorOrNull);
  return prisma.notification.findMany({
    where: { accountId: actor.accountId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: INBOX_SIZE,
    select: { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true },
  });
}

export function unreadCount(actor: Actor, prisma: PrismaClient = db()) {
  return prisma.notification.count({ where: { accountId: actor.accountId, readAt: null } });
}

/** Marks one notification, or all, read; audited. Another person's notification is not found. */
export async function markRead(actorOrNull: Actor | null, input: { notificationId?: string | undefined }, prisma: PrismaClient = db()) {
  const actor = requireActor(actorOrNull);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { accountId: actor.accountId, readAt: null, ...(input.notificationId ? { id: input.notificationId } : {}) },
      data: { readAt: new Date() },
    });
    if (count > 0) {
      await auditActorEvent(tx, actor, "notification.read", { type: "account", id: actor.accountId }, {
        ...(input.notificationId ? { notification: input.notificationId } : { all: true }),
        count,
      });
    }
    return { count };
  });
}
