// Sends the outbox. A sender claims a few due messages in one short statement
// (FOR UPDATE SKIP LOCKED, then a claim that lasts a minute), sends each, and
// marks it sent — or, when the server is down or refuses for now, schedules
// the next attempt with backoff. Several instances may run senders at once:
// a claimed message is skipped by the others, so none is sent twice; one that
// was claimed by a sender that died is taken up again when its claim runs out.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isPermanent, type MailTransport } from "./mail-transport";

const CLAIM_SECONDS = 60;
const BATCH = 20;

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
  created_at: Date;
}

export async function sendDueMail(prisma: PrismaClient, transport: MailTransport, batch = BATCH): Promise<{ sent: number; failed: number }> {
  const claimed = await prisma.$queryRaw<Claimed[]>`
    UPDATE outbox_mail SET claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox_mail
      WHERE status = 'PENDING' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
      ORDER BY created_at
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, to_address, subject, text, attempts, created_at`;
  // RETURNING keeps no order: the oldest message goes first.
  claimed.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      await transport.send({ to: mail.to_address, subject: mail.subject, text: mail.text });
      await prisma.outboxMail.update({ where: { id: mail.id }, data: { status: "SENT", sentAt: new Date(), claimedUntil: null, lastError: null } });
      sent += 1;
    } catch (error) {
      failed += 1;
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await prisma.outboxMail.update({
        where: { id: mail.id },
        data: isPermanent(error)
          ? { status: "FAILED", claimedUntil: null, lastError: message }
          : { nextAttemptAt: new Date(Date.now() + backoffSeconds(mail.attempts) * 1000), claimedUntil: null, lastError: message },
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
