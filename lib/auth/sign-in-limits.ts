// Limits on password attempts (sign-ins and the current password asked when
// changing it), counted in PostgreSQL so they hold across app instances
// (quality bar: a per-IP rate limit keeps one client from locking out every
// user):
// - per source address: SIGN_IN_ADDRESS_LIMIT attempts per window of
//   SIGN_IN_ADDRESS_MINUTES; beyond them the address waits for the window's
//   end, whatever names it tries;
// - per user name, known or not: after LOCKOUT_THRESHOLD attempts the name is
//   locked for LOCKOUT_MINUTES, so an unknown name answers exactly as a real
//   account does, and names cannot be told apart by their lockout.
// An attempt takes its points first and is decided on the counts it took
// them at, in one statement: N attempts arriving at once count N, and only
// those within both limits get their password checked. A right password gives
// its points back, so the counts are of failures and attempts in flight.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authPolicy } from "./policy";

export type Admission =
  | { admitted: true; /** The name's last attempt before its lock: a wrong password now locks it. */ locksName: boolean }
  | { admitted: false; reason: "throttled"; /** Until the address may try again. */ waitMinutes: number }
  | { admitted: false; reason: "locked" };

export interface SignInLimits {
  /** Takes one point for the address and, when the address is within its limit, one for the name. */
  admit(address: string | null, username: string): Promise<Admission>;
  /** A right password that was refused all the same (locked, disabled): not a guess, so its points are given back. */
  giveBack(address: string | null, username: string): Promise<void>;
  /** A success gives the address its point back and clears the name's count. */
  succeeded(address: string | null, username: string): Promise<void>;
  /** An administrator's password reset, which unlocks the account, clears the name's count too. */
  clearName(username: string): Promise<void>;
}

// The keys rate-limiter-flexible used in the same table, so counts carry over.
const addressKey = (address: string | null) => (address ? `address:${address}` : null);
const nameKey = (username: string) => `name:${username.slice(0, 200) || "(空)"}`;

export function signInLimits(prisma: PrismaClient): SignInLimits {
  const policy = authPolicy();
  const lockout = policy.LOCKOUT_THRESHOLD;
  return {
    async admit(address, username) {
      // Each upsert takes the row's lock, so concurrent attempts queue on it
      // and each gets its own count. A row whose time has run out starts
      // again at 1. The address's window starts with its first attempt; the
      // name's lock starts with the attempt that reaches LOCKOUT_THRESHOLD.
      // Without a known address (a direct call, the development server) there
      // is no address to limit; the production server always knows the socket's.
      const [row] = await prisma.$queryRaw<{ address_points: number | null; address_expire: Date | null; name_points: number | null }[]>`
        with by_address as (
          insert into sign_in_limit as l (key, points, expire)
          select key, 1, now() + make_interval(mins => ${policy.SIGN_IN_ADDRESS_MINUTES})
            from (select ${addressKey(address)}::text as key) k where key is not null
          on conflict (key) do update
             set points = case when l.expire <= now() then 1 else l.points + 1 end,
                 expire = case when l.expire <= now() then excluded.expire else l.expire end
          returning points, expire
        ), by_name as (
          insert into sign_in_limit as l (key, points, expire)
          select ${nameKey(username)}, 1, case when 1 >= ${lockout} then now() + make_interval(mins => ${policy.LOCKOUT_MINUTES}) end
           where coalesce((select points from by_address), 0) <= ${policy.SIGN_IN_ADDRESS_LIMIT}
          on conflict (key) do update
             set points = case when l.expire <= now() then 1 else l.points + 1 end,
                 expire = case
                   when l.expire <= now() then excluded.expire
                   when l.expire is null and l.points + 1 >= ${lockout} then now() + make_interval(mins => ${policy.LOCKOUT_MINUTES})
                   else l.expire end
          returning points
        )
        select (select points from by_address) as address_points,
               (select expire from by_address) as address_expire,
               (select points from by_name) as name_points`;
      if (row?.name_points == null) {
        const waitMs = row?.address_expire ? row.address_expire.getTime() - Date.now() : 0;
        return { admitted: false, reason: "throttled", waitMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
      }
      if (row.name_points > lockout) return { admitted: false, reason: "locked" };
      return { admitted: true, locksName: row.name_points >= lockout };
    },

    async giveBack(address, username) {
      const key = addressKey(address);
      // A name brought back under the threshold is no longer locked.
      await prisma.$executeRaw`
        update sign_in_limit
           set points = points - 1,
               expire = case when key = ${nameKey(username)} and points - 1 < ${lockout} then null else expire end
         where key in (${key ?? ""}, ${nameKey(username)}) and points > 0 and (expire is null or expire > now())`;
    },

    async succeeded(address, username) {
      const key = addressKey(address);
      await prisma.$transaction([
        prisma.$executeRaw`
          update sign_in_limit set points = points - 1
           where key = ${key ?? ""} and points > 0 and (expire is null or expire > now())`,
        prisma.$executeRaw`delete from sign_in_limit where key = ${nameKey(username)}`,
      ]);
    },

    async clearName(username) {
      await prisma.$executeRaw`delete from sign_in_limit where key = ${nameKey(username)}`;
    },
  };
}
