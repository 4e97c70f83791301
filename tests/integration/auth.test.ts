import { afterAll, describe, expect, it } from "vitest";
import { changeOwnPassword, grantRole, setAccountDisabled } from "@/lib/accounts/account-mutations";
import { hashPassword } from "@/lib/auth/password";
import { passwordSchema } from "@/lib/auth/policy";
import { validateSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { createCountyWithTownships, signedInActor, testPrisma, TEST_PASSWORD, uniqueSlug } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function account(password = TEST_PASSWORD) {
  const username = uniqueSlug("acct");
  const created = await prisma.account.create({
    data: { username, displayName: username, passwordHash: await hashPassword(password) },
  });
  return { username, id: created.id };
}

describe("password policy (China default)", () => {
  const schema = passwordSchema();
  it.each(["Abcdefg1", "abc-defg1", "长口令也可以 with spaces 2026"])("accepts %j", (password) => {
    expect(schema.safeParse(password).success).toBe(true);
  });
  it.each([
    ["Abc1!", "密码至少8个字符"],
    ["abcdefgh", "密码须包含大写字母、小写字母、数字、符号中的至少3类，或使用16个字符以上的长密码"],
    ["abcdefg1", "密码须包含大写字母、小写字母、数字、符号中的至少3类，或使用16个字符以上的长密码"],
  ])("refuses %j", (password, message) => {
    expect(schema.safeParse(password).error?.issues[0]?.message).toBe(message);
  });
});

describe("signing in", () => {
  it("signs in with the right password and records it", async () => {
    const { username, id } = await account();
    const result = await signInWithPassword(prisma, { username: username.toUpperCase(), password: TEST_PASSWORD, sourceIp: "10.1.2.3" });
    expect(result.ok).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { objectId: id, event: "auth.sign-in" } });
    expect(event).toMatchObject({ result: "success", sourceIp: "10.1.2.3", actor: username });
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const { username } = await account();
    const wrong = await signInWithPassword(prisma, { username, password: "Wrong-password-1" });
    const unknown = await signInWithPassword(prisma, { username: "nobody-here", password: "Wrong-password-1" });
    expect(wrong).toEqual({ ok: false, reason: "invalid", message: "用户名或密码错误" });
    expect(unknown).toEqual(wrong);
  });

  it("locks the account after 5 failures, refuses even the right password, and logs the lockout", async () => {
    const { username, id } = await account();
    for (let i = 0; i < 4; i += 1) {
      expect((await signInWithPassword(prisma, { username, password: "Wrong-password-1" })).ok).toBe(false);
    }
    const fifth = await signInWithPassword(prisma, { username, password: "Wrong-password-1" });
    expect(fifth).toMatchObject({ ok: false, reason: "locked" });
    expect(await signInWithPassword(prisma, { username, password: TEST_PASSWORD })).toMatchObject({ ok: false, reason: "locked" });
    const locked = await prisma.account.findUniqueOrThrow({ where: { id } });
    expect(locked.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await prisma.auditEvent.count({ where: { objectId: id, event: "auth.lockout" } })).toBe(1);
  });

  it("holds the lockout when 20 attempts arrive at once", async () => {
    const { username, id } = await account();
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signInWithPassword(prisma, { username, password: i === 19 ? TEST_PASSWORD : "Wrong-password-1" }),
      ),
    );
    const after = await prisma.account.findUniqueOrThrow({ where: { id } });
    expect(after.failedLoginCount).toBe(5);
    expect(after.lockedUntil).not.toBeNull();
    expect(attempts.filter((a) => !a.ok && a.reason === "invalid").length).toBeLessThanOrEqual(4);
    expect(await prisma.auditEvent.count({ where: { objectId: id, event: "auth.lockout" } })).toBe(1);
    expect(await signInWithPassword(prisma, { username, password: TEST_PASSWORD })).toMatchObject({ ok: false, reason: "locked" });
  });

  it("after a lock has run out, one more mistake does not lock again", async () => {
    const { username, id } = await account();
    await prisma.account.update({ where: { id }, data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() - 1000) } });
    expect(await signInWithPassword(prisma, { username, password: "Wrong-password-1" })).toMatchObject({ reason: "invalid" });
    expect(await prisma.account.findUniqueOrThrow({ where: { id } })).toMatchObject({ failedLoginCount: 1, lockedUntil: null });
  });

  it("tells only someone with the right password that the account is disabled", async () => {
    const { username, id } = await account();
    await prisma.account.update({ where: { id }, data: { disabled: true } });
    expect(await signInWithPassword(prisma, { username, password: "Wrong-password-1" })).toMatchObject({ reason: "invalid" });
    expect(await signInWithPassword(prisma, { username, password: TEST_PASSWORD })).toMatchObject({ reason: "disabled" });
  });

  it("lets a locked account in again once the lock has passed", async () => {
    const { username, id } = await account();
    await prisma.account.update({ where: { id }, data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() - 1000) } });
    expect((await signInWithPassword(prisma, { username, password: TEST_PASSWORD })).ok).toBe(true);
    expect((await prisma.account.findUniqueOrThrow({ where: { id } })).failedLoginCount).toBe(0);
  });
});

describe("sessions are checked on the server on every request", () => {
  it("end after 30 idle minutes and after 12 hours in all", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const actor = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const now = Date.now();
    expect(await validateSession(prisma, actor.sessionId, null, new Date(now + 29 * 60_000))).not.toBeNull();
    expect(await validateSession(prisma, actor.sessionId, null, new Date(now + 29 * 60_000 + 31 * 60_000))).toBeNull();
    // Once ended, a session stays ended.
    expect(await validateSession(prisma, actor.sessionId)).toBeNull();

    const other = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    await prisma.authSession.update({ where: { id: other.sessionId }, data: { lastSeenAt: new Date(now + 12 * 3600_000) } });
    expect(await validateSession(prisma, other.sessionId, null, new Date(now + 12 * 3600_000 + 1000))).toBeNull();
  });

  it("changing one's password ends the other sessions but not this one", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const actor = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const second = await signInWithPassword(prisma, { username: actor.username, password: TEST_PASSWORD });
    if (!second.ok) throw new Error("second sign-in failed");
    await changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "New-password-2" }, prisma);
    expect(await validateSession(prisma, actor.sessionId)).not.toBeNull();
    expect(await validateSession(prisma, second.sessionId)).toBeNull();
    await expect(
      changeOwnPassword(actor, { currentPassword: "wrong", newPassword: "New-password-3" }, prisma),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("a role change or disabling the account ends its sessions", async () => {
    const { townA, townB } = await createCountyWithTownships(prisma);
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    await grantRole(admin, { accountId: clerk.accountId, organizationId: townB.id, role: "CLERK" }, prisma);
    expect(await validateSession(prisma, clerk.sessionId)).toBeNull();

    const again = await signInWithPassword(prisma, { username: clerk.username, password: TEST_PASSWORD });
    if (!again.ok) throw new Error("sign-in failed");
    const actor = await validateSession(prisma, again.sessionId);
    expect(actor?.roles.map((r) => r.organizationId).sort()).toEqual([townA.id, townB.id].sort());
    await setAccountDisabled(admin, { accountId: clerk.accountId, disabled: true }, prisma);
    expect(await validateSession(prisma, again.sessionId)).toBeNull();
    expect(await signInWithPassword(prisma, { username: clerk.username, password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      reason: "disabled",
    });
    expect(await prisma.auditEvent.count({ where: { objectId: clerk.accountId, event: { in: ["account.role-grant", "account.disable"] } } })).toBe(2);
  });

  it("only a system administrator manages accounts", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    await expect(
      grantRole(clerk, { accountId: clerk.accountId, organizationId: townA.id, role: "REVIEWER" }, prisma),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(grantRole(null, { accountId: clerk.accountId, organizationId: townA.id, role: "REVIEWER" }, prisma)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await prisma.roleAssignment.count({ where: { accountId: clerk.accountId } })).toBe(1);
  });

  it("an administrator cannot grant itself a role, nor give a system administrator a content role", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const otherAdmin = await signedInActor(prisma, [], { isSystemAdmin: true });
    for (const role of ["CLERK", "REVIEWER", "SUPERVISOR"] as const) {
      await expect(grantRole(admin, { accountId: admin.accountId, organizationId: townA.id, role }, prisma)).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "不能为自己分配角色，请由另一位管理员分配",
      });
    }
    for (const role of ["CLERK", "REVIEWER"] as const) {
      await expect(grantRole(admin, { accountId: otherAdmin.accountId, organizationId: townA.id, role }, prisma)).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "管理员不能担任填报人或审核人",
      });
    }
    expect(await prisma.roleAssignment.count({ where: { accountId: { in: [admin.accountId, otherAdmin.accountId] } } })).toBe(0);
    // Each refusal is audited.
    expect(await prisma.auditEvent.count({ where: { actor: admin.username, event: "account.role-grant", result: { not: "success" } } })).toBe(5);
    // 主管部门 is a role of a government, not of a township; and not a content role: another administrator may give it.
    await expect(grantRole(admin, { accountId: otherAdmin.accountId, organizationId: townA.id, role: "SUPERVISOR" }, prisma)).rejects.toMatchObject({
      message: "主管部门和管理员角色只能设在人民政府",
    });
    await grantRole(admin, { accountId: otherAdmin.accountId, organizationId: townA.parentId!, role: "SUPERVISOR" }, prisma);
    expect(await prisma.roleAssignment.count({ where: { accountId: otherAdmin.accountId } })).toBe(1);
  });

  it("a content role an administrator still holds from before gives it nothing: it cannot save report text", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const { reportId } = await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma);
    // Granted before the rule existed, straight in the database.
    const admin = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }], { isSystemAdmin: true });
    expect(admin.roles).toEqual([]);
    const content = { title: "标题", signatureLine: "", signedOn: null, sections: { overview: "管理员写的", problems: "", other: "" }, cells: {} };
    await expect(saveReport(admin, { reportId, baseVersion: 1, content }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await prisma.reportSection.findFirst({ where: { reportId, sectionKey: "overview" } }))?.body).toBe("");
  });

  it("with PASSWORD_MAX_AGE_DAYS set, an old password marks the session until it is changed", async () => {
    process.env.PASSWORD_MAX_AGE_DAYS = "90";
    try {
      const actor = await signedInActor(prisma, []);
      expect((await validateSession(prisma, actor.sessionId))?.passwordExpired).toBe(false);
      await prisma.account.update({ where: { id: actor.accountId }, data: { passwordChangedAt: new Date(Date.now() - 100 * 86_400_000) } });
      const expired = await validateSession(prisma, actor.sessionId);
      expect(expired?.passwordExpired).toBe(true);
      await changeOwnPassword(expired, { currentPassword: TEST_PASSWORD, newPassword: "Another-password-9" }, prisma);
      expect((await validateSession(prisma, actor.sessionId))?.passwordExpired).toBe(false);
    } finally {
      delete process.env.PASSWORD_MAX_AGE_DAYS;
    }
  });
});

