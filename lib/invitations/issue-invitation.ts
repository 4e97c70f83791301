// An administrator gives an account a new one-time link: the invitation was
// lost or expired, or the person forgot the password they set. Only for an
// account the administrator manages (a regional administrator: one that
// works only in its region), never its own; audited, and any earlier unused
// link of the account stops working.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { accountInScope, requireAdministrator } from "@/lib/organizations/admin-scope";
import { auditActorEvent, auditRefusal } from "@/lib/audit/actor-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createInvitations, type IssuedInvitation } from "./create-invitations";

export async function issueInvitation(actorOrNull: Actor | null, input: { accountId: string }, prisma: PrismaClient = db()): Promise<IssuedInvitation> {
  const { actor, scope } = requireAdministrator(actorOrNull);
  const object = { type: "account", id: input.accountId };
  const account = await prisma.account.findUnique({
    where: { id: input.accountId },
    select: {
      id: true,
      username: true,
      displayName: true,
      email: true,
      disabled: true,
      isSystemAdmin: true,
      isAuditor: true,
      roles: { select: { organization: { select: { id: true, ancestorIds: true } } } },
    },
  });
  // Another region's account is as unknown to this administrator as one that does not exist.
  if (!account || !accountInScope(scope, account)) {
    await auditRefusal(prisma, actor, "account.invite", object, "out-of-scope");
    throw new AppError("NOT_FOUND", "未找到该账号");
  }
  if (account.id === actor.accountId) throw new AppError("INVALID", "不能为自己发送邀请链接，请在“修改密码”中修改自己的密码");
  if (account.disabled) throw new AppError("INVALID", "该账号已停用，请先启用再发送邀请链接");
  return prisma.$transaction(async (tx) => {
    const [issued] = await createInvitations(tx, actor.username, [account]);
    await auditActorEvent(tx, actor, "account.invite", object, { expiresAt: issued!.expiresAt.toISOString(), mailed: issued!.mailed });
    return issued!;
  });
}
