// The HTTP answer for an attachment download: a published item's file for
// anyone, a draft's for the unit's staff, 404 otherwise (a draft's existence
// is not revealed). Always a download with the allow-list's fixed type.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { attachmentDisposition } from "./attachment-types";
import { openAttachmentForReader } from "./attachments";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function attachmentResponse(actor: Actor | null, attachmentId: string, prisma: PrismaClient = db()): Promise<Response> {
  const file = ID.test(attachmentId) ? await openAttachmentForReader(actor, attachmentId, prisma) : null;
  if (!file) return new Response("未找到该附件", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(file.stream, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      // A draft's file must not linger in shared caches.
      "Cache-Control": "private, no-cache",
      // Should a browser open it anyway, it runs nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
