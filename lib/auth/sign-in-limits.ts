// Limits on failed sign-ins, kept in PostgreSQL by rate-limiter-flexible so
// they hold across app instances (quality bar: a per-IP rate limit keeps one
// client from locking out every user):
// - per source address: after SIGN_IN_ADDRESS_LIMIT failures the address
//   waits SIGN_IN_ADDRESS_MINUTES, whatever names it tries;
// - per user name, known or not: after LOCKOUT_THRESHOLD failures the name is
//   locked for LOCKOUT_MINUTES — so an unknown name answers exactly as a real
//   account does, and names cannot be told apart by their lockout.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authPolicy } from "./policy";

export interface SignInLimits {
  /** Minutes until the address or the name may try again; null when it may now. */
  waitMinutes(address: string | null, username: string): Promise<{ address: number | null; name: number | null }>;
  /** Counts a failure; whether the name is now locked. */
  failed(address: string | null, username: string): Promise<{ nameLocked: boolean }>;
  /** A successful sign-in clears the name's count. */
  succeeded(username: string): Promise<void>;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export function signInLimits(prisma: PrismaClient): SignInLimits {
  const policy = authPolicy();
  const common = { storeClient: prisma, tableName: "signInLimit", clearExpiredByTimeout: false } as const;
  const byAddress = new RateLimiterPrisma({
    ...common,
    keyPrefix: "address",
    points: policy.SIGN_IN_ADDRESS_LIMIT,
    duration: policy.SIGN_IN_ADDRESS_MINUTES * 60,
  });
  // As the account lock does: failures count until a success or a lock, and
  // counting starts again once the lock has run out.
  const byName = new RateLimiterPrisma({ ...common, keyPrefix: "name", points: policy.LOCKOUT_THRESHOLD, duration: 0 });
  // Without a known address (a direct call, the development server) there is
  // no address to limit; the production server always knows the socket's.
  const addressKey = (address: string | null) => address;
  const nameKey = (username: string) => username.slice(0, 200) || "(空)";
  const wait = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points && res.msBeforeNext > 0 ? minutes(res.msBeforeNext) : null;
  return {
    async waitMinutes(address, username) {
      const key = addressKey(address);
      const [a, n] = await Promise.all([key ? byAddress.get(key) : null, byName.get(nameKey(username))]);
      return { address: wait(a, policy.SIGN_IN_ADDRESS_LIMIT), name: wait(n, policy.LOCKOUT_THRESHOLD) };
    },
    async failed(address, username) {
      const consume = (limiter: RateLimiterPrisma, key: string) =>
        limiter.consume(key).catch((rejected: unknown) => {
          if (rejected instanceof RateLimiterRes) return rejected; // over the limit: counted all the same
          throw rejected;
        });
      const key = addressKey(address);
      const [, name] = await Promise.all([key ? consume(byAddress, key) : null, consume(byName, nameKey(username))]);
      const nameLocked = name.consumedPoints >= policy.LOCKOUT_THRESHOLD;
      if (nameLocked && name.msBeforeNext < 0) await byName.block(nameKey(username), policy.LOCKOUT_MINUTES * 60);
      return { nameLocked };
    },
    async succeeded(username) {
      await byName.delete(nameKey(username));
    },
  };
}
