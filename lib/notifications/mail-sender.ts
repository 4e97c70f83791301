// Sends the outbox. A sender claims one due message at a time in one short
// statement (FOR UPDATE SKIP LOCKED, then a claim that outlasts any one send),
// sends it, and marks it sent — or, when the server is down or refuses for
// now, schedules the next attempt with backoff. Several instances may run
// senders at once: a claimed message is skipped by the others, so none is sent
// twice; one claimed by a sender that died is taken up again when its claim
// runs out, and only the sender holding a claim records the outcome.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isPermanent, type MailTransport } from "./mail-transport";

// Longer than the worst case of one message (10 s to connect, 10 s for the
// greeting, 20 s on the socket): a claim never runs out while it is sent.
const CLAIM_SECONDS = 120;
const BATCH = 20;
/** After this many attempts (some four days of retries) a message is given up, and shows as such on /admin. */
export const MAX_ATTEMPTS = 100;

/** The wait before attempt n+1: 30 s, 1 min, 2 min … at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  attempts: number;
}

/** Mail for an account since disabled, or whose address has changed, is not sent to the old address. */
async function dropUndeliverable(prisma: PrismaClient) {
  await prisma.$executeRaw`
    UPDATE outbox_mail o SET status = 'FAILED', claimed_until = NULL, claimed_by = NULL,
      last_error = '收件人账号已停用或已更改邮箱，未发送'
    FROM notification n JOIN account a ON a.id = n.account_id
    WHERE o.notification_id = n.id AND o.status = 'PENDING' AND (a.disabled OR a.email IS DISTINCT FROM o.to_address)`;
}

/** Claims the oldest due message for this sender, or none. */
async function claimOne(prisma: PrismaClient, sender: string): Promise<Claimed | undefined> {
  const [mail] = await prisma.$queryRaw<Claimed[]>`
    UPDATE outbox_mail SET claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}), claimed_by = ${sender}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM outbox_mail
      WHERE status = 'PENDING' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
      ORDER BY created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, to_address, subject, text, attempts`;
  return mail;
}

export async function sendDueMail(prisma: PrismaClient, transport: MailTransport, batch = BATCH): Promise<{ sent: number; failed: number }> {
  await dropUndeliverable(prisma);
  const sender = randomUUID();
  let sent = 0;
  let failed = 0;
  for (let n = 0; n < batch; n += 1) {
    const mail = await claimOne(prisma, sender);
    if (!mail) break;
    // Only the sender holding the claim records the outcome.
    const mine = { id: mail.id, claimedBy: sender };
    try {
      await transport.send({ to: mail.to_address, subject: mail.subject, text: mail.text });
      await prisma.outboxMail.updateMany({ where: mine, data: { status: "SENT", sentAt: new Date(), claimedUntil: null, claimedBy: null, lastError: null } });
      sent += 1;
    } catch (error) {
      failed += 1;
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
      const giveUp = isPermanent(error) || mail.attempts >= MAX_ATTEMPTS;
      await prisma.outboxMail.updateMany({
        where: mine,
        data: giveUp
          ? { status: "FAILED", claimedUntil: null, claimedBy: null, lastError: message }
          : { nextAttemptAt: new Date(Date.now() + backoffSeconds(mail.attempts) * 1000), claimedUntil: null, claimedBy: null, lastError: message },
      });
    }
  }
  return { sent, failed };
}

/** What the admin page shows of the outbox: waiting, failing, given up. */
export async function outboxStatus(prisma: PrismaClient) {
  const [pending, failed, oldest, lastError] = await Promise.all([
    prisma.outboxMail.count({ where: { status: "PENDING" } }),
    prisma.outboxMail.count({ where: { status: "FAILED" } }),
    prisma.outboxMail.findFirst({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    prisma.outboxMail.findFirst({ where: { status: "PENDING", lastError: { not: null } }, orderBy: { nextAttemptAt: "desc" }, select: { lastError: true, attempts: true, nextAttemptAt: true } }),
  ]);
  return { pending, failed, oldestPendingAt: oldest?.createdAt ?? null, retrying: lastError };
}
