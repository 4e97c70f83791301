import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { accountsInScopeWhere, requireAdministrator, unitsInScopeWhere } from "@/lib/organizations/admin-scope";
import { db } from "@/lib/db/client";
import { outboxStatus } from "@/lib/notifications/mail-sender";

/** What the administration screen lists: the units and accounts of the administrator's region (everything, for a system administrator). */
export async function getAdminOverview(actorOrNull: Actor | null, prisma: PrismaClient = db()) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  const [organizations, accounts] = await Promise.all([
    prisma.organization.findMany({
      where: unitsInScopeWhere(scope),
      orderBy: [{ regionCode: "asc" }, { kind: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        shortName: true,
        slug: true,
        code: true,
        kind: true,
        publisher: true,
        parentId: true,
        ancestorIds: true,
        parent: { select: { name: true } },
      },
    }),
    prisma.account.findMany({
      where: accountsInScopeWhere(scope),
      orderBy: { username: "asc" },
      select: {
        id: true,
        username: true,
        displayName: true,
        isSystemAdmin: true,
        isAuditor: true,
        disabled: true,
        lockedUntil: true,
        email: true,
        dailyDigest: true,
        roles: { select: { role: true, organization: { select: { id: true, shortName: true, ancestorIds: true } } } },
      },
    }),
  ]);
  // The mail outbox is the installation's, not a region's.
  return { actor, scope, organizations, accounts, outbox: scope.all ? await outboxStatus(prisma) : null };
}
