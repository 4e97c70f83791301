// Sign-in cannot be abused at scale: one address is slowed after a few
// failures whatever names it tries, another address still signs in, and an
// unknown name answers exactly as a real one does — lockout included — so
// accounts can be neither enumerated nor all locked out from one place.
import { afterAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signedInActor, testPrisma, TEST_PASSWORD, uniqueSlug } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

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
    expect(await prisma.auditEvent.count({ where: { sourceIp: attacker, event: "auth.sign-in", detail: { path: ["reason"], equals: "address-limited" } } })).toBe(81);
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
});
