// Notifications: one row per person in their inbox, and — when a mail server
// (SMTP_URL) or a mail folder (MAIL_DIR) is configured and the person has an
// address — one message in the outbox. Both are written in the caller's
// transaction, with the event they report: a step that rolls back notifies
// no one, and a step never waits for, or fails because of, the mail server
// (lib/notifications/mail-sender.ts sends the outbox afterwards).
//
// Written in sets: the people of any number of units are read in one query,
// and the notices of a whole run (a province's reminders, 催报 of a thousand
// units) in one statement per NOTICE_ROWS rows, notifications and their mail
// together — a run's statements do not grow with its units.
import { randomUUID } from "node:crypto";
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

/** The active accounts holding one of these roles for the unit (someone acting themselves left out), by username. */
export async function unitPeople(tx: Tx, organizationId: string, roles: readonly Role[], except?: string): Promise<Recipient[]> {
  return (await peopleOfUnits(tx, [organizationId], roles, except)).get(organizationId) ?? [];
}

/** unitPeople of each of the units, in one query: units nobody holds such a role for are left out. */
export async function peopleOfUnits(tx: Tx, organizationIds: readonly string[], roles: readonly Role[], except?: string): Promise<Map<string, Recipient[]>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ organizationId: string; id: string; email: string | null }[]>`
    select distinct ra.organization_id as "organizationId", a.id, a.email, a.username
      from role_assignment ra join account a on a.id = ra.account_id
     where ra.organization_id = any(${[...organizationIds]}::uuid[]) and ra.role = any(${[...roles]}::"Role"[])
       and not a.disabled and a.id is distinct from ${except ?? null}::uuid
     order by ra.organization_id, a.username`;
  const people = new Map<string, Recipient[]>();
  for (const { organizationId, id, email } of rows) {
    const unit = people.get(organizationId) ?? [];
    unit.push({ id, email });
    people.set(organizationId, unit);
  }
  return people;
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

/** One notification (its draft) for each of its recipients. */
export interface Notice {
  recipients: readonly Recipient[];
  draft: NotificationDraft;
}

/** Rows a statement carries at most: a province's reminders are tens of thousands, each with its e-mail's text. */
const NOTICE_ROWS = 5_000;

interface NoticeRow {
  id: string;
  notice: number;
  recipient: Recipient;
  draft: NotificationDraft;
  dedupeKey: string | null;
  mail: { subject: string; text: string } | null;
}

/**
 * Writes the notification for each recipient (once per dedupe key) and queues
 * its e-mail. Returns the recipients newly notified.
 */
export async function notify(tx: Tx, recipients: readonly Recipient[], draft: NotificationDraft): Promise<Recipient[]> {
  return (await notifyAll(tx, [{ recipients, draft }]))[0]!;
}

/** notify for many notices at once; for each notice, the recipients newly notified. */
export async function notifyAll(tx: Tx, notices: readonly Notice[]): Promise<Recipient[][]> {
  const mailed = mailConfigured();
  const keys = new Set<string>();
  const rows: NoticeRow[] = [];
  notices.forEach(({ recipients, draft }, notice) => {
    const mail = mailed ? mailOf(draft) : null;
    for (const recipient of recipients) {
      const dedupeKey = draft.dedupeKey ? `${draft.dedupeKey}:${recipient.id}` : null;
      // Within the set as across runs: the first with a key is the one written.
      if (dedupeKey !== null && keys.has(dedupeKey)) continue;
      if (dedupeKey !== null) keys.add(dedupeKey);
      rows.push({ id: randomUUID(), notice, recipient, draft, dedupeKey, mail: mail && recipient.email ? mail : null });
    }
  });
  const notified: Recipient[][] = notices.map(() => []);
  for (let start = 0; start < rows.length; start += NOTICE_ROWS) {
    const batch = rows.slice(start, start + NOTICE_ROWS);
    const written = new Set(await insertNotices(tx, batch));
    for (const row of batch) if (written.has(row.id)) notified[row.notice]!.push(row.recipient);
  }
  return notified;
}

/**
 * One statement: the notifications whose dedupe key is not yet taken, and
 * the e-mail of each written one. Returns the ids written.
 */
async function insertNotices(tx: Tx, rows: readonly NoticeRow[]): Promise<string[]> {
  const column = <T>(value: (row: NoticeRow) => T) => rows.map(value);
  const written = await tx.$queryRaw<{ id: string }[]>`
    with input as (
      select * from unnest(
        ${column((r) => r.id)}::uuid[], ${column((r) => r.recipient.id)}::uuid[], ${column((r) => r.draft.kind)}::"NotificationKind"[],
        ${column((r) => r.draft.title)}::text[], ${column((r) => r.draft.body ?? "")}::text[], ${column((r) => r.draft.href)}::text[],
        ${column((r) => r.dedupeKey)}::text[], ${column((r) => (r.mail ? r.recipient.email : null))}::text[],
        ${column((r) => r.mail?.subject ?? null)}::text[], ${column((r) => r.mail?.text ?? null)}::text[]
      ) as t(id, account_id, kind, title, body, href, dedupe_key, to_address, subject, text)
    ), made as (
      insert into notification (id, account_id, kind, title, body, href, dedupe_key)
      select id, account_id, kind, title, body, href, dedupe_key from input
      on conflict (dedupe_key) do nothing
      returning id
    ), mail as (
      insert into outbox_mail (id, notification_id, to_address, subject, text)
      select gen_random_uuid(), input.id, input.to_address, input.subject, input.text
        from input join made on made.id = input.id where input.to_address is not null
    )
    select id from made`;
  return written.map((row) => row.id);
}
