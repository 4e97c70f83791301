// Where outgoing mail goes: the SMTP server of SMTP_URL (nodemailer), or —
// without one, for the demo and for trying the product — .eml files in
// MAIL_DIR, so a new user can read what would have been sent.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { mailEnv } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** Resolves when the server (or the folder) has the message; rejects with the server's answer otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  describe: string;
  close(): void;
}

/** SMTP errors that will not change on retrying (5xx: no such mailbox, refused for good). */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export function createMailTransport(): MailTransport | null {
  const env = mailEnv();
  if (env.SMTP_URL) {
    const smtp = nodemailer.createTransport(env.SMTP_URL, {
      // A server that does not answer fails the attempt in seconds; the outbox retries it later.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    const host = new URL(env.SMTP_URL).host;
    return {
      describe: `SMTP ${host}`,
      send: async (mail) => {
        await smtp.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
      },
      close: () => smtp.close(),
    };
  }
  if (env.MAIL_DIR) {
    const folder = env.MAIL_DIR;
    const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    return {
      describe: `folder ${folder}`,
      send: async (mail) => {
        const info = await files.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
        await mkdir(folder, { recursive: true });
        const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.to.replace(/[^A-Za-z0-9@._-]/g, "_")}.eml`;
        await writeFile(path.join(folder, name), info.message as Buffer);
      },
      close: () => files.close(),
    };
  }
  return null;
}
