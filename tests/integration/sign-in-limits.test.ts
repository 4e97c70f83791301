// Sign-in cannot be abused at scale: one address is slowed after a few
// failures whatever names it tries, another address still signs in, and an
// unknown name answers exactly as a real one does — lockout included — so
// accounts can be neither enumerated nor all locked out from one place. The
// limits hold for attempts arriving at once, and the current password asked
// on the password page is guessed under the same limits as a sign-in.
import { afterAll, describe, expect, it, vi } from "vitest";
import { changeOwnPassword, resetPassword } from "@/lib/accounts/account-mutations";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signedInActor, testPrisma, TEST_PASSWORD, uniqueSlug } from "./helpers";

let current: Actor | null = null;
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => current }));
const { changeOwnPasswordAction } = await import("@/lib/admin/actions");

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const reasonCount = (where: { sourceIp?: string; objectId?: string; event: string }, reason: string) =>
  prisma.auditEvent.count({ where: { ...where, detail: { path: ["reason"], equals: reason } } });

/** What changing the password answered: "ok" or the refusal's message. */
const attemptChange = (actor: Actor, currentPassword: string) =>
  changeOwnPassword(actor, { currentPassword, newPassword: "New-password-2" }, prisma).then(
    () => "ok",
    (error: Error) => error.message,
  );

describe("sign-in limits", () => {
  it("100 attempts from one address are refused after 20; another address can still sign in", async () => {
    const victim = await signedInActor(prisma, []);
    const attacker = "203.0.113.66";
    const answers: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const username = i % 2 === 0 ? victim.username : uniqueSlug("guess");
      const result = await signInWithPassword(prisma, { username, password: `Wrong-${i}-x`, sourceIp: attacker });
      answers.push(result.ok ? "ok" : result.reason);
    }
    expect(answers.filter((a) => a === "throttled")).toHaveLength(80);
    expect(answers.slice(20).every((a) => a === "throttled")).toBe(true);
    // The right password from the attacker's address is refused too, before it is checked…
    expect(await signInWithPassword(prisma, { username: victim.username, password: TEST_PASSWORD, sourceIp: attacker })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // …while the account, hit only 10 times and so locked, is the only one the attacker could lock.
    const other = await signedInActor(prisma, []);
    expect(await signInWithPassword(prisma, { username: other.username, password: TEST_PASSWORD, sourceIp: "198.51.100.7" })).toMatchObject({ ok: true });
    expect(await reasonCount({ sourceIp: attacker, event: "auth.sign-in" }, "address-limited")).toBe(81);
  });

  it("100 wrong sign-ins at once from one address check at most 20 passwords", async () => {
    const passwordHash = await hashPassword(TEST_PASSWORD);
    const usernames = Array.from({ length: 100 }, () => uniqueSlug("burst"));
    await prisma.account.createMany({ data: usernames.map((username) => ({ username, displayName: username, passwordHash })) });
    const attacker = "203.0.113.90";
    const answers = await Promise.all(
      usernames.map((username, i) => signInWithPassword(prisma, { username, password: `Wrong-${i}-x`, sourceIp: attacker })),
    );
    expect(answers.filter((a) => !a.ok && a.reason === "throttled")).toHaveLength(80);
    // A password checked and found wrong leaves its audit row and its count on the account.
    expect(await reasonCount({ sourceIp: attacker, event: "auth.sign-in" }, "bad-password")).toBe(20);
    expect(await reasonCount({ sourceIp: attacker, event: "auth.sign-in" }, "address-limited")).toBe(80);
    const counted = await prisma.account.count({
      where: { username: { in: usernames }, OR: [{ failedLoginCount: { gt: 0 } }, { lockedUntil: { not: null } }] },
    });
    expect(counted).toBe(20);
  });

  it("an unknown name gets the same answers as a real one, lockout included", async () => {
    const real = await signedInActor(prisma, []);
    const unknown = uniqueSlug("nobody");
    const answers = async (username: string, address: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i += 1) {
        const result = await signInWithPassword(prisma, { username, password: "Wrong-password-1", sourceIp: address });
        seen.push(result.ok ? "ok" : result.message);
      }
      return seen;
    };
    const forReal = await answers(real.username, "198.51.100.21");
    const forUnknown = await answers(unknown, "198.51.100.22");
    expect(forUnknown).toEqual(forReal);
    expect(forReal.slice(0, 4).every((m) => m === "用户名或密码错误")).toBe(true);
    expect(forReal.slice(4).every((m) => /账号已锁定15分钟/.test(m))).toBe(true);
  });

  it("a burst against an unknown name gets the same answers as one against a real name", async () => {
    const real = await signedInActor(prisma, []);
    const unknown = uniqueSlug("nobody");
    const burst = async (username: string, address: string) => {
      const results = await Promise.all(
        Array.from({ length: 15 }, () => signInWithPassword(prisma, { username, password: "Wrong-password-1", sourceIp: address })),
      );
      return results.map((r) => (r.ok ? "ok" : r.message)).sort();
    };
    const forReal = await burst(real.username, "198.51.100.23");
    expect(await burst(unknown, "198.51.100.24")).toEqual(forReal);
    expect(forReal.filter((m) => m === "用户名或密码错误")).toHaveLength(4);
    // Only the lockout threshold's worth of passwords were checked.
    expect(await reasonCount({ objectId: real.accountId, event: "auth.sign-in" }, "bad-password")).toBe(5);
  });

  it("an administrator's password reset unlocks the name as well as the account", async () => {
    const locked = await signedInActor(prisma, []);
    for (let i = 0; i < 6; i += 1) await signInWithPassword(prisma, { username: locked.username, password: "Wrong-password-1" });
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    await resetPassword(admin, { accountId: locked.accountId, password: "Reset-password-3" }, prisma);
    expect(await signInWithPassword(prisma, { username: locked.username, password: "Reset-password-3" })).toMatchObject({ ok: true });
  });
});

describe("the current password on the password page", () => {
  it("counts toward the account's lockout: after 5 wrong guesses the right one is refused and the account is locked", async () => {
    const actor = { ...(await signedInActor(prisma, [])), sourceIp: "198.51.100.40" };
    const { passwordHash } = await prisma.account.findUniqueOrThrow({ where: { id: actor.accountId } });
    const answers: string[] = [];
    for (let i = 0; i < 5; i += 1) answers.push(await attemptChange(actor, "Wrong-password-1"));
    expect(answers.slice(0, 4)).toEqual(Array(4).fill("当前密码不正确"));
    expect(answers[4]).toMatch(/登录失败次数过多，账号已锁定15分钟/);
    expect(await attemptChange(actor, TEST_PASSWORD)).toMatch(/登录失败次数过多，账号已锁定15分钟/);

    const after = await prisma.account.findUniqueOrThrow({ where: { id: actor.accountId } });
    expect(after).toMatchObject({ failedLoginCount: 5, passwordHash });
    expect(after.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // The lock is the account's: signing in with the right password is refused as well.
    expect(await signInWithPassword(prisma, { username: actor.username, password: TEST_PASSWORD })).toMatchObject({ reason: "locked" });
    const where = { objectId: actor.accountId, event: "account.password-change" };
    expect(await reasonCount(where, "wrong-current-password")).toBe(5);
    expect(await reasonCount(where, "locked")).toBe(1);
    expect(await prisma.auditEvent.count({ where: { objectId: actor.accountId, event: "auth.lockout" } })).toBe(1);
  });

  it("30 wrong guesses at once from a stolen session check at most 5 passwords, and each refusal is audited", async () => {
    const actor = { ...(await signedInActor(prisma, [])), sourceIp: "198.51.100.42" };
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attemptChange(actor, `Wrong-${i}-x`)));
    // The first 20 pass the address limit; of those, the account's lockout lets 5 be checked.
    expect(answers.filter((a) => a === "当前密码不正确")).toHaveLength(4);
    expect(answers.filter((a) => /^登录失败次数过多，账号已锁定/.test(a))).toHaveLength(16);
    expect(answers.filter((a) => /^此网络地址登录失败次数过多/.test(a))).toHaveLength(10);
    const where = { objectId: actor.accountId, event: "account.password-change" };
    expect(await reasonCount(where, "wrong-current-password")).toBe(5);
    expect(await reasonCount(where, "locked")).toBe(15);
    expect(await reasonCount(where, "address-limited")).toBe(10);
    expect(await prisma.account.findUniqueOrThrow({ where: { id: actor.accountId } })).toMatchObject({ failedLoginCount: 5 });
    // From another address the right password meets the account's lock.
    expect(await attemptChange({ ...actor, sourceIp: "198.51.100.45" }, TEST_PASSWORD)).toMatch(/^登录失败次数过多，账号已锁定/);
  });

  it("counts toward the address limit: of 25 guesses at once from one address 20 are checked, and sign-in from there waits", async () => {
    const address = "198.51.100.43";
    const actors = await Promise.all(Array.from({ length: 25 }, async () => ({ ...(await signedInActor(prisma, [])), sourceIp: address })));
    const answers = await Promise.all(actors.map((actor) => attemptChange(actor, "Wrong-password-1")));
    expect(answers.filter((a) => a === "当前密码不正确")).toHaveLength(20);
    expect(answers.filter((a) => /^此网络地址登录失败次数过多，请\d+分钟后再试$/.test(a))).toHaveLength(5);
    expect(await reasonCount({ sourceIp: address, event: "account.password-change" }, "wrong-current-password")).toBe(20);
    expect(await reasonCount({ sourceIp: address, event: "account.password-change" }, "address-limited")).toBe(5);
    // The right current password from that address is refused before it is checked, and so is a sign-in.
    const [first] = actors;
    expect(await attemptChange(first!, TEST_PASSWORD)).toMatch(/^此网络地址登录失败次数过多/);
    expect(await signInWithPassword(prisma, { username: first!.username, password: TEST_PASSWORD, sourceIp: address })).toMatchObject({
      reason: "throttled",
    });
    const { passwordHash } = await prisma.account.findUniqueOrThrow({ where: { id: first!.accountId } });
    expect(await verifyPassword(passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("the form's action answers a lockout and a missing current password with a Chinese field message, not an error", async () => {
    current = { ...(await signedInActor(prisma, [])), sourceIp: "198.51.100.44" };
    const input = { currentPassword: "Wrong-password-1", newPassword: "New-password-2" };
    for (let i = 0; i < 4; i += 1) {
      expect(await changeOwnPasswordAction(input)).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { currentPassword: "当前密码不正确" } });
    }
    expect(await changeOwnPasswordAction(input)).toMatchObject({
      ok: false,
      code: "INVALID",
      message: expect.stringMatching(/^登录失败次数过多/),
      fieldErrors: { currentPassword: expect.stringMatching(/^登录失败次数过多/) },
    });
    const missing = { ok: false, code: "INVALID", fieldErrors: { currentPassword: "请输入当前密码" } };
    expect(await changeOwnPasswordAction({ newPassword: "New-password-2" } as typeof input)).toMatchObject(missing);
    expect(await changeOwnPasswordAction({ currentPassword: "", newPassword: "New-password-2" })).toMatchObject(missing);
  });
});
