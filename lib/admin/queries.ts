import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireSystemAdmin, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { outboxStatus } from "@/lib/notifications/mail-sender";

export async function getAdminOverview(actorOrNull: Actor | null, prisma: PrismaClient = db()) {
  requireSystemAdmin(actorOrNull);
  const [organizations, accounts] = await Promise.all([
    prisma.organization.findMany({
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, name: true, shortName: true, slug: true, code: true, kind: true, publisher: true, parent: { select: { name: true } } },
    }),
    prisma.account.findMany({
      orderBy: { username: "asc" },
      select: {
        id: true,
        username: true,
        displayName: true,
        isSystemAdmin: true,
        disabled: true,
        lockedUntil: true,
        email: true,
        dailyDigest: true,
        roles: { select: { role: true, organization: { select: { id: true, shortName: true } } } },
      },
    }),
  ]);
  return { organizations, accounts, outbox: await outboxStatus(prisma) };
}
