// Server-side sessions: every request re-checks the session row, so idle and
// absolute timeouts hold and a changed password, role or disabled account
// ends the account's other sessions on their next request.
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { CONTENT_ROLES, type Actor } from "./actor";
import { authPolicy, passwordExpired } from "./policy";

/** lastSeenAt is written at most this often, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60_000;

/** A session with its account and the account's roles, as validateSession reads it. */
interface SessionRow {
  id: string;
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  sessionVersion: number;
  accountId: string;
  username: string;
  displayName: string;
  isSystemAdmin: boolean;
  isAuditor: boolean;
  disabled: boolean;
  accountSessionVersion: number;
  passwordChangedAt: Date;
  mustChangePassword: boolean;
  roles: { organizationId: string; role: Role }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One statement for the session, its account and the account's roles: it
 * runs on every request, and the query builder's three queries for them cost
 * the app several times the database's own work.
 */
async function readSession(prisma: PrismaClient, sessionId: string): Promise<SessionRow | null> {
  if (!UUID.test(sessionId)) return null;
  const [row] = await prisma.$queryRaw<SessionRow[]>`
    select s.id::text, s.revoked_at as "revokedAt", s.expires_at as "expiresAt", s.last_seen_at as "lastSeenAt", s.session_version as "sessionVersion",
           a.id::text as "accountId", a.username, a.display_name as "displayName", a.is_system_admin as "isSystemAdmin", a.is_auditor as "isAuditor",
           a.disabled, a.session_version as "accountSessionVersion", a.password_changed_at as "passwordChangedAt", a.must_change_password as "mustChangePassword",
           coalesce((select json_agg(json_build_object('organizationId', r.organization_id, 'role', r.role) order by r.organization_id, r.role)
                       from role_assignment r where r.account_id = a.id), '[]'::json) as roles
      from auth_session s join account a on a.id = s.account_id
     where s.id = ${sessionId}::uuid`;
  return row ?? null;
}

export async function validateSession(
  prisma: PrismaClient,
  sessionId: string,
  sourceIp: string | null = null,
  now = new Date(),
): Promise<Actor | null> {
  const session = await readSession(prisma, sessionId);
  if (!session || session.revokedAt) return null;
  const idleLimit = authPolicy().SESSION_IDLE_MINUTES * 60_000;
  const expired =
    now >= session.expiresAt ||
    now.getTime() - session.lastSeenAt.getTime() > idleLimit ||
    session.disabled ||
    session.accountSessionVersion !== session.sessionVersion;
  if (expired) {
    await prisma.authSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.authSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    accountId: session.accountId,
    username: session.username,
    displayName: session.displayName,
    isSystemAdmin: session.isSystemAdmin,
    isAuditor: session.isAuditor,
    // An administrator manages accounts, not content: a content role it still holds (granted before this rule) gives it nothing.
    roles: session.isSystemAdmin ? session.roles.filter((r) => !CONTENT_ROLES.includes(r.role)) : session.roles,
    sessionId: session.id,
    sourceIp,
    passwordExpired: passwordExpired(session.passwordChangedAt),
    mustChangePassword: session.mustChangePassword,
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
