// Password sign-in with lockout. The failure count and the lock change in
// single statements on a locked row, so parallel attempts cannot slip past
// the limit, and a correct password is refused while the account is locked.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import { dummyPasswordHash, verifyPassword } from "./password";
import { authPolicy } from "./policy";
import { signInLimits } from "./sign-in-limits";

export type SignInResult =
  | { ok: true; accountId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "locked" | "disabled" | "throttled"; message: string };

const INVALID = "用户名或密码错误";
/** Longer input is refused before it is hashed or looked up: a 1 MB "password" would only cost the server. */
export const MAX_USERNAME_LENGTH = 64;
export const MAX_PASSWORD_LENGTH = 1024;

export async function signInWithPassword(
  prisma: PrismaClient,
  input: { username: string; password: string; sourceIp?: string | null },
): Promise<SignInResult> {
  const policy = authPolicy();
  if (input.username.length > MAX_USERNAME_LENGTH * 4 || input.password.length > MAX_PASSWORD_LENGTH) {
    return { ok: false, reason: "invalid", message: INVALID };
  }
  const username = input.username.trim().toLowerCase().slice(0, MAX_USERNAME_LENGTH * 4);
  const account = await prisma.account.findUnique({ where: { username } });
  const audit = (event: string, result: "success" | "failure", detail?: Record<string, string>) =>
    prisma.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: username.slice(0, 64) || "(空)",
        sourceIp: input.sourceIp,
        event,
        objectType: "account",
        ...(account ? { objectId: account.id } : {}),
        result,
        ...(detail ? { detail } : {}),
      }),
    );

  const lockedMessage = `登录失败次数过多，账号已锁定${policy.LOCKOUT_MINUTES}分钟，请稍后再试`;
  const limits = signInLimits(prisma);
  const sourceIp = input.sourceIp ?? null;
  const waiting = await limits.waitMinutes(sourceIp, username);
  // One address trying many names (or one name many times) is stopped before any password is checked.
  if (waiting.address) {
    await audit("auth.sign-in", "failure", { reason: "address-limited" });
    return { ok: false, reason: "throttled", message: `此网络地址登录失败次数过多，请${waiting.address}分钟后再试` };
  }

  if (!account) {
    // An unknown name costs the same work and gets the same answers as a real account, lockout included.
    await verifyPassword(await dummyPasswordHash(), input.password);
    if (waiting.name) {
      await audit("auth.sign-in", "failure", { reason: "unknown-account" });
      return { ok: false, reason: "locked", message: lockedMessage };
    }
    const { nameLocked } = await limits.failed(sourceIp, username);
    await audit("auth.sign-in", "failure", { reason: "unknown-account" });
    return nameLocked ? { ok: false, reason: "locked", message: lockedMessage } : { ok: false, reason: "invalid", message: INVALID };
  }
  const valid = await verifyPassword(account.passwordHash, input.password);
  // Only someone who knows the password learns that the account is disabled.
  if (valid && account.disabled) {
    await audit("auth.sign-in", "failure", { reason: "disabled" });
    return { ok: false, reason: "disabled", message: "该账号已停用，请联系系统管理员" };
  }

  if (!valid) {
    await limits.failed(sourceIp, username);
    // The row is locked for the whole count-and-lock: parallel attempts queue
    // on it and each sees the count the previous one left; only the attempt
    // that crosses the threshold locks (and logs the lockout). One statement
    // with a FOR UPDATE CTE could lose its row to a concurrent update and
    // answer nothing; a transaction cannot.
    const row = await prisma.$transaction(async (tx) => {
      const [current] = await tx.$queryRaw<{ was_locked: boolean; count_before: number }[]>`
        select coalesce(locked_until > now(), false) as was_locked,
               -- after a lock has run out, counting starts again
               case when locked_until <= now() then 0 else failed_login_count end as count_before
          from account where id = ${account.id}::uuid for update`;
      if (!current) return null;
      if (current.was_locked) return { failed_login_count: Math.max(current.count_before, policy.LOCKOUT_THRESHOLD), locked_now: false };
      const count = current.count_before + 1;
      const lockNow = count >= policy.LOCKOUT_THRESHOLD;
      await tx.$executeRaw`
        update account
           set failed_login_count = ${count},
               locked_until = ${lockNow ? Prisma.sql`now() + make_interval(mins => ${policy.LOCKOUT_MINUTES})` : Prisma.sql`null`}
         where id = ${account.id}::uuid`;
      return { failed_login_count: count, locked_now: lockNow };
    });
    if (row?.locked_now) {
      await audit("auth.lockout", "success", { failures: String(row.failed_login_count) });
    }
    await audit("auth.sign-in", "failure", { reason: "bad-password" });
    return row && row.failed_login_count >= policy.LOCKOUT_THRESHOLD
      ? { ok: false, reason: "locked", message: lockedMessage }
      : { ok: false, reason: "invalid", message: INVALID };
  }

  // Success only counts when the account is not locked at this moment. It
  // clears only the failures it saw before checking the password: failures
  // counted meanwhile (a burst of guesses arriving with it) still stand.
  const unlocked = await prisma.$executeRaw`
    update account
       set failed_login_count = case when failed_login_count = ${account.failedLoginCount} then 0 else failed_login_count end,
           locked_until = null
     where id = ${account.id}::uuid and (locked_until is null or locked_until <= now()) and not disabled`;
  if (unlocked === 0) {
    await audit("auth.sign-in", "failure", { reason: "locked" });
    return { ok: false, reason: "locked", message: lockedMessage };
  }
  await limits.succeeded(username);
  const session = await prisma.$transaction(async (tx) => {
    const created = await tx.authSession.create({
      data: {
        accountId: account.id,
        sessionVersion: account.sessionVersion,
        sourceIp: input.sourceIp ?? null,
        expiresAt: new Date(Date.now() + policy.SESSION_ABSOLUTE_HOURS * 3600_000),
      },
    });
    await recordAuditEvent(tx, {
      actor: account.username,
      sourceIp: input.sourceIp,
      event: "auth.sign-in",
      objectType: "account",
      objectId: account.id,
      result: "success",
    });
    return created;
  });
  return { ok: true, accountId: account.id, sessionId: session.id };
}
