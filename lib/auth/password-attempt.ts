// One attempt at an account's password — a sign-in, or the current password
// asked on the password page — under the sign-in limits and the account's
// lockout. The order is the point: the attempt is counted against its address
// and its name before anything is checked (sign-in-limits.ts), so a burst of
// attempts cannot all pass a check made before any of them failed; only then
// is the password verified, and a wrong one counted on the account's row, the
// lock of record. An unknown name costs the same work and gets the same
// answers as a real account, lockout included.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { dummyPasswordHash, verifyPassword } from "./password";
import { authPolicy } from "./policy";
import { signInLimits } from "./sign-in-limits";

export const INVALID_CREDENTIALS = "用户名或密码错误";

/** Why an attempt was refused, as the audit log records it. */
export type RefusalReason = "address-limited" | "locked" | "unknown-account" | "bad-password" | "disabled";

export type AttemptRefusal = { ok: false; reason: "invalid" | "locked" | "disabled" | "throttled"; message: string };

interface AttemptAccount {
  id: string;
  passwordHash: string;
  failedLoginCount: number;
  disabled: boolean;
}

export interface AttemptInput<A extends AttemptAccount> {
  /** Lower-case, as accounts are named. */
  username: string;
  password: string;
  sourceIp: string | null;
  account: A | null;
  /** Each refusal is audited by the caller, under its own event. */
  auditRefusal(reason: RefusalReason): Promise<void>;
  auditLockout(failures: number): Promise<void>;
}

const lockedMessage = () => `登录失败次数过多，账号已锁定${authPolicy().LOCKOUT_MINUTES}分钟，请稍后再试`;

export async function attemptPassword<A extends AttemptAccount>(
  prisma: PrismaClient,
  input: AttemptInput<A>,
): Promise<{ ok: true; account: A } | AttemptRefusal> {
  const { account, username, sourceIp } = input;
  const limits = signInLimits(prisma);
  const locked = { ok: false, reason: "locked", message: lockedMessage() } as const;
  const invalid = { ok: false, reason: "invalid", message: INVALID_CREDENTIALS } as const;

  const admission = await limits.admit(sourceIp, username);
  if (!admission.admitted) {
    // Refused before any password is checked, known name or not.
    if (admission.reason === "throttled") {
      await input.auditRefusal("address-limited");
      return { ok: false, reason: "throttled", message: `此网络地址登录失败次数过多，请${admission.waitMinutes}分钟后再试` };
    }
    await input.auditRefusal(account ? "locked" : "unknown-account");
    return locked;
  }

  if (!account) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await input.auditRefusal("unknown-account");
    return admission.locksName ? locked : invalid;
  }

  const valid = await verifyPassword(account.passwordHash, input.password);
  if (!valid) {
    const counted = await countFailure(prisma, account.id);
    if (counted?.lockedNow) await input.auditLockout(counted.failures);
    await input.auditRefusal("bad-password");
    return counted && counted.failures >= authPolicy().LOCKOUT_THRESHOLD ? locked : invalid;
  }
  // Only someone who knows the password learns that the account is disabled.
  if (account.disabled) {
    await limits.giveBack(sourceIp, username);
    await input.auditRefusal("disabled");
    return { ok: false, reason: "disabled", message: "该账号已停用，请联系系统管理员" };
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
    await limits.giveBack(sourceIp, username);
    await input.auditRefusal("locked");
    return locked;
  }
  await limits.succeeded(sourceIp, username);
  return { ok: true, account };
}

/**
 * Counts a wrong password on the account's row. The row is locked for the
 * whole count-and-lock: parallel attempts queue on it and each sees the count
 * the previous one left; only the attempt that crosses the threshold locks
 * (and logs the lockout). One statement with a FOR UPDATE CTE could lose its
 * row to a concurrent update and answer nothing; a transaction cannot.
 */
function countFailure(prisma: PrismaClient, accountId: string) {
  const policy = authPolicy();
  return prisma.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ was_locked: boolean; count_before: number }[]>`
      select coalesce(locked_until > now(), false) as was_locked,
             -- after a lock has run out, counting starts again
             case when locked_until <= now() then 0 else failed_login_count end as count_before
        from account where id = ${accountId}::uuid for update`;
    if (!current) return null;
    if (current.was_locked) return { failures: Math.max(current.count_before, policy.LOCKOUT_THRESHOLD), lockedNow: false };
    const failures = current.count_before + 1;
    const lockedNow = failures >= policy.LOCKOUT_THRESHOLD;
    await tx.$executeRaw`
      update account
         set failed_login_count = ${failures},
             locked_until = ${lockedNow ? Prisma.sql`now() + make_interval(mins => ${policy.LOCKOUT_MINUTES})` : Prisma.sql`null`}
       where id = ${accountId}::uuid`;
    return { failures, lockedNow };
  });
}
