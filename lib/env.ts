// The environment, read and validated in one place.
import { z } from "zod";

/** An empty value (SMTP_URL= in an env file) means the setting is not given. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

const ZEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the app with `npm run demo` or `npm start`, which provide one" })
    .url(),
  /** A streaming replica of DATABASE_URL: public reads go there (lib/db/client.ts, readDb). Unset or empty: everything reads the primary. */
  DATABASE_REPLICA_URL: unsetWhenEmpty(z.string().url().optional()),
});

let cached: z.infer<typeof ZEnv> | undefined;

export function env(): z.infer<typeof ZEnv> {
  cached ??= ZEnv.parse(process.env);
  return cached;
}

const ZAttachmentEnv = z.object({
  /** Where catalog attachments are kept, each under its random id. */
  ATTACHMENTS_DIR: z.string().min(1).default(".data/attachments"),
  /** The largest attachment accepted, in bytes (default 20 MB). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
});

/** Attachment settings; read on each call so tests and scripts may set them. */
export function attachmentEnv(): z.infer<typeof ZAttachmentEnv> {
  return ZAttachmentEnv.parse(process.env);
}

const ZMailEnv = z.object({
  /** smtp://user:pass@host:587 or smtps://…:465: notifications are also sent by e-mail. */
  SMTP_URL: unsetWhenEmpty(z.string().url().optional()),
  MAIL_FROM: z.string().min(3).default("政府信息公开年报系统 <nianbao@localhost>"),
  /** Without SMTP_URL: write each outgoing message as an .eml file here instead (the demo: .data/mail). */
  MAIL_DIR: unsetWhenEmpty(z.string().min(1).optional()),
  /** How often the sender looks for mail to send and reminders to make. */
  MAIL_POLL_MS: z.coerce.number().int().positive().default(5_000),
});

/** Mail settings; read on each call so tests and scripts may set them. */
export function mailEnv(): z.infer<typeof ZMailEnv> {
  return readEnv(ZMailEnv);
}

/** Any group of settings, read and validated from the environment on each call (tests and scripts change it). */
export function readEnv<T extends z.ZodType>(schema: T): z.output<T> {
  return schema.parse(process.env);
}

const ZOff = z.enum(["on", "off"]).catch("on");

const ZServerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  DATABASE_REPLICA_URL: unsetWhenEmpty(z.string().url().optional()),
  /** off: every page through Next.js (for comparison only). */
  PAGE_CACHE: ZOff.default("on"),
  /** off: public pages keep Next.js's client runtime (for comparison only: npm run bench:browser -- --with-runtime). */
  DOCUMENT_PAGES: ZOff.default("on"),
  /** A read not answered within this while the database does not answer a probe either is answered as in an outage. */
  DB_ANSWER_TIMEOUT_MS: z.coerce.number().int().positive().catch(3_000).default(3_000),
  /** How often the database is probed on a connection of its own, and how long a probe waits for its answer. */
  DB_HEALTH_INTERVAL_MS: z.coerce.number().int().positive().catch(2_000).default(2_000),
  DB_HEALTH_TIMEOUT_MS: z.coerce.number().int().positive().catch(2_000).default(2_000),
});

/** What server.ts needs. */
export function serverEnv(): z.infer<typeof ZServerEnv> {
  return readEnv(ZServerEnv);
}

const ZSiteEnv = z.object({
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SITE_URL: z.string().url().optional(),
  /** Proxies allowed to state the client's address (X-Real-IP, X-Forwarded-For): addresses or CIDR ranges, comma separated. */
  TRUSTED_PROXIES: z.string().default(""),
  /** The 索引号 pattern; see lib/publication/index-number.ts. */
  INDEX_NUMBER_PATTERN: z.string().min(1).optional(),
  /** off: catalog import files are read on the request's thread (the upload benchmark's baseline). */
  CATALOG_IMPORT_WORKER: ZOff.default("on"),
});

/** The site's own settings. */
export function siteEnv(): z.infer<typeof ZSiteEnv> {
  return readEnv(ZSiteEnv);
}

/**
 * The site's public address, without a trailing slash: SITE_URL, else the
 * sign-in address (NEXTAUTH_URL), else this machine on PORT. Canonical links,
 * the sitemap and robots.txt are absolute from it — crawlers ignore relative ones.
 */
export function publicSiteUrl(): string {
  const site = siteEnv();
  return (site.SITE_URL ?? site.NEXTAUTH_URL ?? `http://localhost:${serverEnv().PORT}`).replace(/\/$/, "");
}

const positiveMs = (fallback: number) => z.coerce.number().int().positive().catch(fallback).default(fallback);

const ZDatabaseEnv = z.object({
  DATABASE_URL: z.string().optional(),
  MIGRATION_DATABASE_URL: z.string().optional(),
  DB_STATEMENT_TIMEOUT_MS: positiveMs(10_000),
  DB_LOCK_TIMEOUT_MS: positiveMs(5_000),
  DB_CONNECT_TIMEOUT_MS: positiveMs(5_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveMs(30_000),
  /** The runtime role's password where this project sets it itself (a local or embedded server). */
  NIANBAO_APP_PASSWORD: z.string().min(1).default("nianbao-app-local"),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().optional(),
});

/** Where the database is and how long a request to it may take. */
export function databaseEnv(): z.infer<typeof ZDatabaseEnv> {
  return readEnv(ZDatabaseEnv);
}
