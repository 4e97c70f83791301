// Uploads come to route handlers, not Server Actions: a Server Action's body
// is capped at 1 MB by Next.js, less than a scanned PDF. A route handler gets
// none of a Server Action's built-in checks, so this does them: the same
// origin (a cross-site form must not post with the user's cookie), the
// session, a size bound before the body is read, and one file field.
import "server-only";
import { getActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/actor";
import { toActionError } from "@/lib/actions/safe-action";
import { auditRefusedRequest } from "@/lib/audit/request-audit";
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
  const path = new URL(request.url).pathname;
  const declaredHeader = request.headers.get("content-length");
  // Every refusal before the handler runs is audited: its origin, session, size and file count.
  const refuse = async (actor: Actor | null, status: number, reason: string, message: string, files: number | null = null) => {
    await auditRefusedRequest(actor, request, "upload.refused", {
      path,
      reason,
      origin: request.headers.get("origin"),
      declaredBytes: declaredHeader === null ? null : Number(declaredHeader),
      files,
    });
    return reply(status, { ok: false, message });
  };
  if (!sameOrigin(request)) return refuse(await getActor(), 403, "origin", "请求来源无效，请从本站页面上传");
  const actor = await getActor();
  if (!actor) return refuse(null, 401, "no-session", "请先登录");
  // Multipart framing adds a little; anything far beyond the limit is refused unread.
  // Without a declared length (a chunked body) the size is unknown until read: refused.
  const declared = Number(declaredHeader ?? "");
  if (!Number.isFinite(declared) || declaredHeader === null) {
    return refuse(actor, 411, "no-length", "上传请求缺少长度，请从本站页面上传");
  }
  const limit = `文件过大，最大${Math.floor(maxBytes / 1024 / 1024)} MB`;
  if (declared > maxBytes + 64 * 1024) return refuse(actor, 413, "too-large", limit);
  try {
    const form = await request.formData();
    const files = form.getAll("file");
    if (files.length > 1) return refuse(actor, 400, "several-files", "一次只能上传一个文件", files.length);
    const file = files[0];
    if (file instanceof File && file.size > maxBytes) return refuse(actor, 413, "too-large", limit, 1);
    if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID", "请选择要上传的文件");
    const result = await handler(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, form);
    return reply(200, { ok: true, ...result });
  } catch (error) {
    const failure = toActionError(error);
    const status = failure.code === "FORBIDDEN" ? 403 : failure.code === "NOT_FOUND" ? 404 : failure.code === "UNEXPECTED" ? 500 : 400;
    return reply(status, { ok: false, message: failure.message });
  }
}
