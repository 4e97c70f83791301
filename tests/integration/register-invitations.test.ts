// One-time ways in: an invitation sets the person's own password once, within
// its days, and never twice even when sent twice at once; an administrator
// issues new ones only for accounts of its region; a password given for one
// use sends its holder to change it, and changing it clears that.
import { afterAll, describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/accounts/account-mutations";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { validateSession } from "@/lib/auth/sessions";
import { acceptInvitation, findInvitation, INVITATION_MESSAGES } from "@/lib/invitations/accept-invitation";
import { createInvitations } from "@/lib/invitations/create-invitations";
import { issueInvitation } from "@/lib/invitations/issue-invitation";
import { createCountyWithTownships, signedInActor, TEST_PASSWORD, testPrisma, uniqueSlug } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const NEW_PASSWORD = "Invited-person-2026";

async function invitedAccount(organizationId: string) {
  const account = await prisma.account.create({
    data: { username: uniqueSlug("inv"), displayName: "王伟", passwordHash: "x", roles: { create: { organizationId, role: "CLERK" } } },
  });
  const [issued] = await prisma.$transaction((tx) => createInvitations(tx, "test", [account]));
  return { account, token: issued!.path.replace("/invite/", "") };
}

describe("invitations", () => {
  it("lets the person set their own password once; the link then says it was used", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const { account, token } = await invitedAccount(townA.id);
    expect(await findInvitation(token, prisma)).toEqual({ state: "open", username: account.username, displayName: "王伟" });
    expect(await acceptInvitation({ token, password: NEW_PASSWORD }, "203.0.113.9", prisma)).toEqual({ username: account.username });
    expect(await signInWithPassword(prisma, { username: account.username, password: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await findInvitation(token, prisma)).toEqual({ state: "used" });
    await expect(acceptInvitation({ token, password: "Another-password-1" }, null, prisma)).rejects.toMatchObject({ message: INVITATION_MESSAGES.used });
    expect(await signInWithPassword(prisma, { username: account.username, password: "Another-password-1" })).toMatchObject({ ok: false });
    const audit = await prisma.auditEvent.findMany({ where: { event: "account.invitation-accept", objectId: account.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: account.username, sourceIp: "203.0.113.9", result: "success" });
  });

  it("sets the password once when the link is submitted twice at the same moment", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const { account, token } = await invitedAccount(townA.id);
    const outcomes = await Promise.allSettled([
      acceptInvitation({ token, password: "First-password-1" }, null, prisma),
      acceptInvitation({ token, password: "Second-password-1" }, null, prisma),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { event: "account.invitation-accept", objectId: account.id } })).toBe(1);
  });

  it("refuses an expired link, an unknown one and one of a disabled account, with a plain message", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const { account, token } = await invitedAccount(townA.id);
    await prisma.invitation.updateMany({ where: { accountId: account.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation(token, prisma)).toEqual({ state: "expired" });
    await expect(acceptInvitation({ token, password: NEW_PASSWORD }, null, prisma)).rejects.toMatchObject({ message: INVITATION_MESSAGES.expired });
    expect(await findInvitation("x".repeat(43), prisma)).toEqual({ state: "unknown" });
    expect(await findInvitation("../../etc/passwd", prisma)).toEqual({ state: "unknown" });
    const disabled = await invitedAccount(townA.id);
    await prisma.account.update({ where: { id: disabled.account.id }, data: { disabled: true } });
    expect(await findInvitation(disabled.token, prisma)).toEqual({ state: "disabled" });
  });

  it("lets an administrator issue a new link for an account of its region only, ending the earlier one", async () => {
    const a = await createCountyWithTownships(prisma);
    const b = await createCountyWithTownships(prisma);
    const admin = await signedInActor(prisma, [{ organizationId: a.county.id, role: "ADMINISTRATOR" }]);
    const { account, token } = await invitedAccount(a.townA.id);
    const issued = await issueInvitation(admin, { accountId: account.id }, prisma);
    expect(await findInvitation(token, prisma)).toEqual({ state: "expired" });
    expect(await findInvitation(issued.path.replace("/invite/", ""), prisma)).toMatchObject({ state: "open" });
    expect(await prisma.auditEvent.count({ where: { event: "account.invite", objectId: account.id, result: "success" } })).toBe(1);

    const elsewhere = await invitedAccount(b.townA.id);
    const before = await prisma.invitation.count();
    await expect(issueInvitation(admin, { accountId: elsewhere.account.id }, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(issueInvitation(admin, { accountId: admin.accountId }, prisma)).rejects.toMatchObject({ code: "INVALID" });
    const clerk = await signedInActor(prisma, [{ organizationId: a.townA.id, role: "CLERK" }]);
    await expect(issueInvitation(clerk, { accountId: account.id }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.invitation.count()).toBe(before);
    expect(await prisma.auditEvent.count({ where: { event: "account.invite", objectId: elsewhere.account.id, result: "failure" } })).toBe(1);
  });

  it("sends a person whose password was given for one use to change it, and changing it clears that", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    await prisma.account.update({ where: { id: clerk.accountId }, data: { mustChangePassword: true } });
    expect(await validateSession(prisma, clerk.sessionId)).toMatchObject({ mustChangePassword: true });
    await changeOwnPassword(clerk, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, prisma);
    expect(await validateSession(prisma, clerk.sessionId)).toMatchObject({ mustChangePassword: false });
  });
});
