// Password sign-in: the attempt is decided by attemptPassword (limits per
// address and name, then the account's lockout); a success opens a session.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import { attemptPassword, INVALID_CREDENTIALS, type AttemptRefusal } from "./password-attempt";
import { authPolicy, MAX_PASSWORD_LENGTH, MAX_USERNAME_LENGTH } from "./policy";

export type SignInResult = { ok: true; accountId: string; sessionId: string } | AttemptRefusal;

export async function signInWithPassword(
  prisma: PrismaClient,
  input: { username: string; password: string; sourceIp?: string | null },
): Promise<SignInResult> {
  const policy = authPolicy();
  if (input.username.length > MAX_USERNAME_LENGTH * 4 || input.password.length > MAX_PASSWORD_LENGTH) {
    return { ok: false, reason: "invalid", message: INVALID_CREDENTIALS };
  }
  const username = input.username.trim().toLowerCase().slice(0, MAX_USERNAME_LENGTH * 4);
  const sourceIp = input.sourceIp ?? null;
  const account = await prisma.account.findUnique({ where: { username } });
  const audit = (event: string, result: "success" | "failure", detail: Record<string, string>) =>
    prisma.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: username.slice(0, 64) || "(空)",
        sourceIp,
        event,
        objectType: "account",
        ...(account ? { objectId: account.id } : {}),
        result,
        detail,
      }),
    );

  const attempt = await attemptPassword(prisma, {
    username,
    password: input.password,
    sourceIp,
    account,
    auditRefusal: (reason) => audit("auth.sign-in", "failure", { reason }),
    auditLockout: (failures) => audit("auth.lockout", "success", { failures: String(failures) }),
  });
  if (!attempt.ok) return attempt;
  const { account: signedIn } = attempt;

  const session = await prisma.$transaction(async (tx) => {
    const created = await tx.authSession.create({
      data: {
        accountId: signedIn.id,
        sessionVersion: signedIn.sessionVersion,
        sourceIp,
        expiresAt: new Date(Date.now() + policy.SESSION_ABSOLUTE_HOURS * 3600_000),
      },
    });
    await recordAuditEvent(tx, {
      actor: signedIn.username,
      sourceIp,
      event: "auth.sign-in",
      objectType: "account",
      objectId: signedIn.id,
      result: "success",
    });
    return created;
  });
  return { ok: true, accountId: signedIn.id, sessionId: session.id };
}
