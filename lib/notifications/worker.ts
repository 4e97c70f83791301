// The production server's notification work, on every instance: every few
// seconds it sends what the outbox holds; every ten minutes it makes the
// deadline reminders and digests that are due. Failures are logged on one
// line and tried again on the next round; nothing here can stop the server.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { mailEnv } from "@/lib/env";
import { produceDeadlineReminders } from "./deadline-reminders";
import { produceDigests } from "./digest";
import { sendDueMail } from "./mail-sender";
import { createMailTransport } from "./mail-transport";

const REMINDER_EVERY_MS = 10 * 60_000;

export function startNotificationWorker(prisma: PrismaClient, log: (line: string) => void) {
  const transport = createMailTransport();
  log(transport ? `邮件：通过 ${transport.describe} 发送通知` : "邮件：未配置 SMTP_URL，通知只在站内显示");
  let lastReminders = 0;
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      if (Date.now() - lastReminders > REMINDER_EVERY_MS) {
        lastReminders = Date.now();
        await produceDeadlineReminders(prisma);
        await produceDigests(prisma);
      }
      if (transport) await sendDueMail(prisma, transport);
    } catch (error) {
      log(`通知：本轮未完成，稍后重试（${error instanceof Error ? error.message.split("\n")[0] : String(error)}）`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void round(), mailEnv().MAIL_POLL_MS);
  timer.unref();
  void round();
  return {
    stop() {
      clearInterval(timer);
      transport?.close();
    },
  };
}
