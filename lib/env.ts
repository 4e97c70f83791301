// The environment, read and validated in one place.
import { z } from "zod";

const ZEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the app with `npm run demo` or `npm start`, which provide one" })
    .url(),
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
