// Server-side sessions: every request re-checks the session row, so idle and
// absolute timeouts hold and a changed password, role or disabled account
// ends the account's other sessions on their next request.
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { CONTENT_ROLES, type Actor } from "./actor";
import { authPolicy, passwordExpired } from "./policy";

/** lastSeenAt is written at most this often, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60_000;

export async function validateSession(
  prisma: PrismaClient,
  sessionId: string,
  sourceIp: string | null = null,
  now = new Date(),
): Promise<Actor | null> {
  const session = await prisma.authSession.findUnique({
    where: { id: sessionId },
    include: { account: { include: { roles: { select: { organizationId: true, role: true } } } } },
  });
  if (!session || session.revokedAt) return null;
  const { account } = session;
  const idleLimit = authPolicy().SESSION_IDLE_MINUTES * 60_000;
  const expired =
    now >= session.expiresAt ||
    now.getTime() - session.lastSeenAt.getTime() > idleLimit ||
    account.disabled ||
    account.sessionVersion !== session.sessionVersion;
  if (expired) {
    await prisma.authSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.authSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    isSystemAdmin: account.isSystemAdmin,
    isAuditor: account.isAuditor,
    // An administrator manages accounts, not content: a content role it still holds (granted before this rule) gives it nothing.
    roles: account.isSystemAdmin ? account.roles.filter((r) => !CONTENT_ROLES.includes(r.role)) : account.roles,
    sessionId: session.id,
    sourceIp,
    passwordExpired: passwordExpired(account.passwordChangedAt),
    mustChangePassword: account.mustChangePassword,
  };
}

export async function revokeSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Ends every session of the account on its next request, except `keepSessionId`
 * (the person changing their own password stays signed in).
 */
export async function endOtherSessions(
  tx: Prisma.TransactionClient,
  accountId: string,
  keepSessionId?: string,
): Promise<void> {
  const account = await tx.account.update({
    where: { id: accountId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  if (keepSessionId) {
    await tx.authSession.updateMany({
      where: { id: keepSessionId, accountId },
      data: { sessionVersion: account.sessionVersion },
    });
  }
}
