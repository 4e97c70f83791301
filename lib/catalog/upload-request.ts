// Uploads come to route handlers, not Server Actions: a Server Action's body
// is capped at 1 MB by Next.js, less than a scanned PDF. A route handler gets
// none of a Server Action's built-in checks, so this does them: the same
// origin (a cross-site form must not post with the user's cookie), the
// session, a size bound before the body is read, and one file field.
import "server-only";
import { getActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/actor";
import { toActionError } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors";

export type UploadResult = { ok: true; message: string; data?: unknown } | { ok: false; message: string };

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Reads the one file of a multipart upload after the checks, and answers in JSON. */
export async function handleUpload(
  request: Request,
  maxBytes: number,
  handler: (actor: Actor, file: { name: string; bytes: Uint8Array }, form: FormData) => Promise<{ message: string; data?: unknown }>,
): Promise<Response> {
  const reply = (status: number, body: UploadResult) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  if (!sameOrigin(request)) return reply(403, { ok: false, message: "请求来源无效，请从本站页面上传" });
  const actor = await getActor();
  if (!actor) return reply(401, { ok: false, message: "请先登录" });
  // Multipart framing adds a little; anything far beyond the limit is refused unread.
  // Without a declared length (a chunked body) the size is unknown until read: refused.
  const declared = Number(request.headers.get("content-length") ?? "");
  if (!Number.isFinite(declared) || request.headers.get("content-length") === null) {
    return reply(411, { ok: false, message: "上传请求缺少长度，请从本站页面上传" });
  }
  if (declared > maxBytes + 64 * 1024) return reply(413, { ok: false, message: `文件过大，最大${Math.floor(maxBytes / 1024 / 1024)} MB` });
  try {
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID", "请选择要上传的文件");
    if (file.size > maxBytes) throw new AppError("INVALID", `文件过大，最大${Math.floor(maxBytes / 1024 / 1024)} MB`);
    const result = await handler(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, form);
    return reply(200, { ok: true, ...result });
  } catch (error) {
    const failure = toActionError(error);
    const status = failure.code === "FORBIDDEN" ? 403 : failure.code === "NOT_FOUND" ? 404 : failure.code === "UNEXPECTED" ? 500 : 400;
    return reply(status, { ok: false, message: failure.message });
  }
}
