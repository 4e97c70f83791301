import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { accountsInScopeWhere, requireAdministrator, unitsInScopeWhere } from "@/lib/organizations/admin-scope";
import { db } from "@/lib/db/client";
import { outboxStatus } from "@/lib/notifications/mail-sender";
import { AppError } from "@/lib/errors";

/** What the administration screens show of an account. */
const managedAccountFields = {
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
} as const;

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
      select: managedAccountFields,
    }),
  ]);
  // The mail outbox is the installation's, not a region's.
  return { actor, scope, organizations, accounts, outbox: scope.all ? await outboxStatus(prisma) : null };
}

/** One account the administrator manages, with the units of its region to grant roles on; refused (not found) otherwise. */
export async function getManagedAccount(actorOrNull: Actor | null, accountId: string, prisma: PrismaClient = db()) {
  const { scope } = requireAdministrator(actorOrNull);
  const [account, organizations] = await Promise.all([
    prisma.account.findFirst({
      where: { AND: [{ id: accountId }, accountsInScopeWhere(scope)] },
      select: managedAccountFields,
    }),
    prisma.organization.findMany({ where: unitsInScopeWhere(scope), orderBy: [{ regionCode: "asc" }, { name: "asc" }], select: { id: true, name: true, kind: true } }),
  ]);
  if (!account) throw new AppError("NOT_FOUND", "未找到该账号");
  return { scope, account, organizations };
}
