// The person invited sets their own password. The link is checked before any
// work is done for it (hashing a password costs the server), then claimed in
// one conditional update — of two submissions at once, one sets the
// password and the other is told the link was used — with the password, the
// end of any other session and the audit row in the same transaction.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { endOtherSessions } from "@/lib/auth/sessions";
import { signInLimits } from "@/lib/auth/sign-in-limits";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashInvitationToken, INVITATION_DAYS, isInvitationToken } from "./tokens";

export type InvitationState =
  | { state: "open"; username: string; displayName: string }
  | { state: "unknown" | "used" | "expired" | "disabled" };

export const INVITATION_MESSAGES = {
  unknown: "该链接无效：请核对链接是否完整（可能在复制时被截断），或请管理员重新发送。",
  used: "该链接已经使用过：每个链接只能设置一次密码。如忘记密码，请联系管理员重新发送链接。",
  expired: `该链接已过期（有效期${INVITATION_DAYS}天）：请联系管理员重新发送链接。`,
  disabled: "该账号已停用，请联系管理员。",
} as const;

export async function findInvitation(token: string, prisma: PrismaClient = db(), now = new Date()): Promise<InvitationState> {
  if (!isInvitationToken(token)) return { state: "unknown" };
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { usedAt: true, expiresAt: true, account: { select: { username: true, displayName: true, disabled: true } } },
  });
  if (!invitation) return { state: "unknown" };
  if (invitation.usedAt) return { state: "used" };
  if (invitation.expiresAt <= now) return { state: "expired" };
  if (invitation.account.disabled) return { state: "disabled" };
  return { state: "open", username: invitation.account.username, displayName: invitation.account.displayName };
}

/** Sets the password the person chose (already checked against the policy); returns their user name to sign in with. */
export async function acceptInvitation(
  input: { token: string; password: string },
  sourceIp: string | null,
  prisma: PrismaClient = db(),
): Promise<{ username: string }> {
  const found = await findInvitation(input.token, prisma);
  if (found.state !== "open") throw new AppError("INVALID", INVITATION_MESSAGES[found.state]);
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashInvitationToken(input.token);
  const username = await prisma.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.invitation.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError("INVALID", INVITATION_MESSAGES.used);
    const { accountId, id } = await tx.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { accountId: true, id: true } });
    const account = await tx.account.update({
      where: { id: accountId },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false, failedLoginCount: 0, lockedUntil: null },
      select: { username: true },
    });
    await endOtherSessions(tx, accountId);
    await recordAuditEvent(tx, {
      actor: account.username,
      sourceIp,
      event: "account.invitation-accept",
      objectType: "account",
      objectId: accountId,
      result: "success",
      detail: { invitation: id },
    });
    return account.username;
  });
  await signInLimits(prisma).clearName(username);
  return { username };
}
