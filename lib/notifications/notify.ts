// Notifications: one row per person in their inbox, and — when a mail server
// (SMTP_URL) or a mail folder (MAIL_DIR) is configured and the person has an
// address — one message in the outbox. Both are written in the caller's
// transaction, with the event they report: a step that rolls back notifies
// no one, and a step never waits for, or fails because of, the mail server
// (lib/notifications/mail-sender.ts sends the outbox afterwards).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind, Role } from "@/lib/generated/prisma/enums";
import { mailEnv, publicSiteUrl } from "@/lib/env";

type Tx = Prisma.TransactionClient;

export interface Recipient {
  id: string;
  email: string | null;
}

export interface NotificationDraft {
  kind: NotificationKind;
  title: string;
  body?: string;
  /** The place to act, a path on this site. */
  href: string;
  /** Makes the notification once per person: a second with the same key is not written. */
  dedupeKey?: string;
}

/** The active accounts holding one of these roles for the unit (someone acting themselves left out). */
export function unitPeople(tx: Tx, organizationId: string, roles: readonly Role[], except?: string): Promise<Recipient[]> {
  return tx.account.findMany({
    where: {
      disabled: false,
      roles: { some: { organizationId, role: { in: [...roles] } } },
      ...(except ? { id: { not: except } } : {}),
    },
    select: { id: true, email: true },
    orderBy: { username: "asc" },
  });
}

export const mailConfigured = () => {
  const env = mailEnv();
  return Boolean(env.SMTP_URL || env.MAIL_DIR);
};

/** The e-mail of a notification: its title, its text and the link to act on. */
export function mailOf(draft: NotificationDraft): { subject: string; text: string } {
  return {
    subject: `【政府信息公开年报】${draft.title}`,
    text: [draft.title, draft.body ?? "", `请打开：${publicSiteUrl()}${draft.href}`, "——", "政府信息公开工作年度报告系统自动发送，请勿直接回复。"]
      .filter((line) => line !== "")
      .join("\n\n"),
  };
}

/**
 * Writes the notification for each recipient (once per dedupe key) and queues
 * its e-mail. Returns the recipients newly notified.
 */
export async function notify(tx: Tx, recipients: readonly Recipient[], draft: NotificationDraft): Promise<Recipient[]> {
  const mail = mailConfigured() ? mailOf(draft) : null;
  const notified: Recipient[] = [];
  for (const recipient of recipients) {
    const dedupeKey = draft.dedupeKey ? `${draft.dedupeKey}:${recipient.id}` : null;
    if (dedupeKey && (await tx.notification.findUnique({ where: { dedupeKey }, select: { id: true } }))) continue;
    const notification = await tx.notification.create({
      data: { accountId: recipient.id, kind: draft.kind, title: draft.title, body: draft.body ?? "", href: draft.href, dedupeKey },
    });
    if (mail && recipient.email) {
      await tx.outboxMail.create({ data: { notificationId: notification.id, toAddress: recipient.email, ...mail } });
    }
    notified.push(recipient);
  }
  return notified;
}
