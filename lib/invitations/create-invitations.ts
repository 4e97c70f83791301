// Invitations written in the caller's transaction (an import that creates the
// accounts, or an administrator issuing a new link): a new link ends the
// account's earlier unused ones, and the e-mail goes into the outbox with the
// rest of the transaction — sent only if it commits, by the mail sender.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertRows } from "@/lib/db/insert-rows";
import { mailConfigured } from "@/lib/notifications/notify";
import { INVITATION_DAYS, invitationPath, invitationUrl, newInvitationToken } from "./tokens";

export interface InvitedAccount {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
}

export interface IssuedInvitation {
  accountId: string;
  username: string;
  displayName: string;
  /** The link's path (/invite/<token>) and its full address, shown once. */
  path: string;
  url: string;
  expiresAt: Date;
  mailed: boolean;
}

function invitationMail(account: InvitedAccount, url: string, until: string) {
  return {
    subject: "【政府信息公开年报】请设置您的账号密码",
    text: [
      `${account.displayName}，您好：`,
      `管理员已为您开通政府信息公开工作年度报告系统的账号，用户名为 ${account.username}。`,
      `请在${until}前打开下面的链接，设置您自己的密码（链接只能使用一次）：`,
      url,
      "如果您没有申请该账号，请忽略本邮件。",
      "——",
      "政府信息公开工作年度报告系统自动发送，请勿直接回复。",
    ].join("\n\n"),
  };
}

export async function createInvitations(
  tx: Prisma.TransactionClient,
  createdBy: string,
  accounts: readonly InvitedAccount[],
  now = new Date(),
): Promise<IssuedInvitation[]> {
  if (accounts.length === 0) return [];
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const ids = accounts.map((a) => a.id);
  // One link at a time per account: issuing a new one ends the old.
  await tx.invitation.updateMany({ where: { accountId: { in: ids }, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const issued = accounts.map((account) => ({ account, ...newInvitationToken() }));
  await insertRows(
    tx,
    "invitation",
    { id: "uuid", account_id: "uuid", token_hash: "text", created_by: "text", created_at: "timestamptz", expires_at: "timestamptz" },
    issued.map(({ account, tokenHash }) => ({ id: randomUUID(), account_id: account.id, token_hash: tokenHash, created_by: createdBy, created_at: now, expires_at: expiresAt })),
  );
  const mail = mailConfigured();
  const mailed = issued.filter(({ account }) => mail && account.email);
  // The same for every link of the batch: formatted once (a date format per account is seconds for a province's register).
  const until = expiresAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" });
  await insertRows(
    tx,
    "outbox_mail",
    { id: "uuid", to_address: "text", subject: "text", text: "text" },
    mailed.map(({ account, token }) => ({ id: randomUUID(), to_address: account.email!, ...invitationMail(account, invitationUrl(token), until) })),
  );
  return issued.map(({ account, token }) => ({
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    path: invitationPath(token),
    url: invitationUrl(token),
    expiresAt,
    mailed: mail && account.email !== null,
  }));
}
