// Account administration, by a system administrator or a regional one within
// its region (admin-scope.ts). Every change that affects what an account may
// do ends that account's other sessions (lib/auth/sessions.ts) and is audited
// in the same transaction.
import "server-only";
import type { z } from "zod";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { auditActorEvent, auditRefusal } from "@/lib/audit/actor-audit";
import { hashPassword } from "@/lib/auth/password";
import { attemptPassword } from "@/lib/auth/password-attempt";
import { signInLimits } from "@/lib/auth/sign-in-limits";
import { endOtherSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { grantRefusal, type GrantAccount } from "./role-rules";
import { accountInScope, requireAdministrator, unitInScope, type AdminScope } from "@/lib/organizations/admin-scope";
import type {
  ZAccountContactInput,
  ZChangeOwnPasswordInput,
  ZCreateAccountInput,
  ZResetPasswordInput,
  ZRoleInput,
  ZSetDisabledInput,
} from "./schemas";

const grantAccountSelect = {
  id: true,
  isSystemAdmin: true,
  isAuditor: true,
  username: true,
  roles: { select: { role: true, organization: { select: { id: true, ancestorIds: true } } } },
} as const;

/** The account, when this administrator manages it; refused (and audited) otherwise. */
async function managedAccount(prisma: PrismaClient, actor: Actor, scope: AdminScope, accountId: string, event: string): Promise<GrantAccount & { username: string }> {
  const account = await prisma.account.findUnique({ where: { id: accountId }, select: grantAccountSelect });
  if (!account) throw new AppError("NOT_FOUND", "未找到该账号");
  if (!accountInScope(scope, account)) {
    await auditRefusal(prisma, actor, event, { type: "account", id: accountId }, "account-outside-region");
    throw new AppError("FORBIDDEN", "该账号不属于本地区");
  }
  return account;
}

function audit(tx: Prisma.TransactionClient, actor: Actor, event: string, accountId: string, detail?: Prisma.InputJsonValue) {
  return auditActorEvent(tx, actor, event, { type: "account", id: accountId }, detail);
}

export async function createAccount(
  actorOrNull: Actor | null,
  input: z.output<typeof ZCreateAccountInput>,
  prisma: PrismaClient = db(),
) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  // A regional administrator's accounts are those working in its region: each
  // is created with its first role there, and never as a system administrator or auditor.
  if (!scope.all) {
    if (input.isSystemAdmin || input.isAuditor) throw new AppError("FORBIDDEN", "只有系统管理员可以设立系统管理员和审计员");
    if (!input.organizationId || !input.role) {
      throw new AppError("INVALID", "请为新账号选择本地区的单位和角色", { organizationId: "请选择单位" });
    }
  }
  const first = input.organizationId && input.role ? await firstRole(prisma, actor, scope, input.organizationId, input.role) : null;
  if (await prisma.account.findUnique({ where: { username: input.username } })) {
    throw new AppError("CONFLICT", `用户名“${input.username}”已被使用`, { username: "该用户名已被使用" });
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const account = await tx.account.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
        // The administrator knows this password: the person sets their own at the first sign-in.
        mustChangePassword: true,
        isSystemAdmin: input.isSystemAdmin,
        isAuditor: input.isAuditor,
      },
      select: { id: true },
    });
    await audit(tx, actor, "account.create", account.id, {
      username: input.username,
      isSystemAdmin: input.isSystemAdmin,
      isAuditor: input.isAuditor,
    });
    if (first) {
      await tx.roleAssignment.create({ data: { accountId: account.id, ...first } });
      await audit(tx, actor, "account.role-grant", account.id, first);
    }
    return account;
  });
}

/** The first role of a new account, checked as any grant is. */
async function firstRole(prisma: PrismaClient, actor: Actor, scope: AdminScope, organizationId: string, role: NonNullable<z.output<typeof ZCreateAccountInput>["role"]>) {
  const unit = await prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true, kind: true, ancestorIds: true } });
  if (!unit) throw new AppError("NOT_FOUND", "未找到该单位");
  const refusal = grantRefusal(actor, scope, { id: "", isSystemAdmin: false, isAuditor: false, roles: [] }, role, unit);
  if (refusal) throw new AppError("FORBIDDEN", refusal, { organizationId: refusal });
  return { organizationId, role };
}

export async function grantRole(actorOrNull: Actor | null, input: z.output<typeof ZRoleInput>, prisma: PrismaClient = db()) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  const [account, unit] = await Promise.all([
    prisma.account.findUnique({ where: { id: input.accountId }, select: grantAccountSelect }),
    prisma.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, kind: true, ancestorIds: true } }),
  ]);
  if (!account) throw new AppError("NOT_FOUND", "未找到该账号");
  if (!unit) throw new AppError("NOT_FOUND", "未找到该单位");
  const refusal = grantRefusal(actor, scope, account, input.role, unit);
  if (refusal) {
    await auditRefusal(prisma, actor, "account.role-grant", { type: "account", id: input.accountId }, refusal);
    throw new AppError("FORBIDDEN", refusal);
  }
  await prisma.$transaction(async (tx) => {
    await tx.roleAssignment.upsert({
      where: { accountId_organizationId_role: input },
      update: {},
      create: input,
    });
    await endOtherSessions(tx, input.accountId);
    await audit(tx, actor, "account.role-grant", input.accountId, { organizationId: input.organizationId, role: input.role });
  });
}

export async function revokeRole(actorOrNull: Actor | null, input: z.output<typeof ZRoleInput>, prisma: PrismaClient = db()) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  await managedAccount(prisma, actor, scope, input.accountId, "account.role-revoke");
  const unit = await prisma.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, ancestorIds: true } });
  if (!unit || !unitInScope(scope, unit)) {
    await auditRefusal(prisma, actor, "account.role-revoke", { type: "account", id: input.accountId }, "unit-outside-region");
    throw new AppError("FORBIDDEN", "只能撤销本地区单位的角色");
  }
  await prisma.$transaction(async (tx) => {
    await tx.roleAssignment.deleteMany({ where: input });
    await endOtherSessions(tx, input.accountId);
    await audit(tx, actor, "account.role-revoke", input.accountId, { organizationId: input.organizationId, role: input.role });
  });
}

export async function setAccountDisabled(
  actorOrNull: Actor | null,
  input: z.output<typeof ZSetDisabledInput>,
  prisma: PrismaClient = db(),
) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  if (input.accountId === actor.accountId && input.disabled) throw new AppError("INVALID", "不能停用自己的账号");
  await managedAccount(prisma, actor, scope, input.accountId, input.disabled ? "account.disable" : "account.enable");
  await prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: input.accountId }, data: { disabled: input.disabled } });
    await endOtherSessions(tx, input.accountId);
    await audit(tx, actor, input.disabled ? "account.disable" : "account.enable", input.accountId);
  });
}

export async function resetPassword(
  actorOrNull: Actor | null,
  input: z.output<typeof ZResetPasswordInput>,
  prisma: PrismaClient = db(),
) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  await managedAccount(prisma, actor, scope, input.accountId, "account.password-reset");
  const passwordHash = await hashPassword(input.password);
  const { username } = await prisma.$transaction(async (tx) => {
    const account = await tx.account.update({
      where: { id: input.accountId },
      // A password the administrator set is for one sign-in: the person then sets their own.
      data: { passwordHash, passwordChangedAt: new Date(), failedLoginCount: 0, lockedUntil: null, mustChangePassword: true },
      select: { username: true },
    });
    await endOtherSessions(tx, input.accountId);
    await audit(tx, actor, "account.password-reset", input.accountId);
    return account;
  });
  await signInLimits(prisma).clearName(username);
}

/**
 * Changing one's own password keeps this session and ends the others. The
 * current password is guessed under the limits of a sign-in — the address
 * limit and the account's lockout — so a stolen session cannot find it out.
 */
export async function changeOwnPassword(
  actorOrNull: Actor | null,
  input: z.output<typeof ZChangeOwnPasswordInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const account = await prisma.account.findUniqueOrThrow({ where: { id: actor.accountId } });
  const object = { type: "account", id: actor.accountId };
  const checked = await attemptPassword(prisma, {
    username: account.username,
    password: input.currentPassword,
    sourceIp: actor.sourceIp,
    account,
    auditRefusal: (reason) =>
      auditRefusal(prisma, actor, "account.password-change", object, reason === "bad-password" ? "wrong-current-password" : reason),
    auditLockout: (failures) => prisma.$transaction((tx) => auditActorEvent(tx, actor, "auth.lockout", object, { failures: String(failures) })),
  });
  if (!checked.ok) {
    const message = checked.reason === "invalid" ? "当前密码不正确" : checked.message;
    throw new AppError("INVALID", message, { currentPassword: message });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: actor.accountId }, data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false } });
    await endOtherSessions(tx, actor.accountId, actor.sessionId);
    await audit(tx, actor, "account.password-change", actor.accountId);
  });
}

/** Where an account's notifications are also sent, and whether a 主管部门 gets the daily digest; audited. */
export async function updateAccountContact(
  actorOrNull: Actor | null,
  input: z.output<typeof ZAccountContactInput>,
  prisma: PrismaClient = db(),
) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  await managedAccount(prisma, actor, scope, input.accountId, "account.contact");
  const account = await prisma.account.findUniqueOrThrow({ where: { id: input.accountId }, select: { id: true, email: true, dailyDigest: true } });
  await prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: account.id }, data: { email: input.email, dailyDigest: input.dailyDigest } });
    await audit(tx, actor, "account.contact", account.id, {
      before: { email: account.email, dailyDigest: account.dailyDigest },
      after: { email: input.email, dailyDigest: input.dailyDigest },
    });
  });
  return { saved: true };
}
