// Uploads come to route handlers, not Server Actions: a Server Action's body
// is capped at 1 MB by Next.js, less than a scanned PDF. A route handler gets
// none of a Server Action's built-in checks, so this does them: the same
// origin (a cross-site form must not post with the user's cookie), the
// session, a size bound before the body is read, a body that parses, and one
// file field whose name is one plain line.
import "server-only";
import { getActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/actor";
import { fromTrustedPeer } from "@/lib/auth/source-ip";
import { toActionError } from "@/lib/actions/safe-action";
import { auditRefusedRequest } from "@/lib/audit/request-audit";
import { nameFault } from "@/lib/validation/plain-text";

export type UploadResult = { ok: true; message: string; data?: unknown } | { ok: false; message: string };

const FILE_NAME_MESSAGES = {
  control: "文件名含有控制字符或换行，请重命名文件后再上传",
  direction: "文件名含有改变文字显示方向的隐藏字符（如 U+202E），显示的名称与实际不同，请重命名文件后再上传",
} as const;

const MALFORMED_MESSAGE = "上传内容格式有误，无法读取（文件名中的换行或引号等会造成这种情况），请重命名文件后从本站页面重新上传";

/** The host the browser addressed: X-Forwarded-Host only as our own proxy states it, otherwise anyone could name the origin they post from. */
function requestHost(request: Request): string | null {
  const forwarded = fromTrustedPeer((name) => request.headers.get(name)) ? request.headers.get("x-forwarded-host") : null;
  return forwarded ?? request.headers.get("host");
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = requestHost(request);
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Why a request is refused before its handler runs; every such refusal is audited. */
interface Refusal {
  status: number;
  reason: string;
  message: string;
  files?: number;
}

const reply = (status: number, body: UploadResult) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Answers a refusal, after recording it with the request's path, origin, declared size and file count. */
function refuser(request: Request) {
  const declaredHeader = request.headers.get("content-length");
  return async (actor: Actor | null, refusal: Refusal) => {
    await auditRefusedRequest(actor, request, "upload.refused", {
      path: new URL(request.url).pathname,
      reason: refusal.reason,
      origin: request.headers.get("origin"),
      declaredBytes: declaredHeader === null ? null : Number(declaredHeader),
      files: refusal.files ?? null,
    });
    return reply(refusal.status, { ok: false, message: refusal.message });
  };
}

const sizeLimit = (maxBytes: number) => `文件过大，最大${Math.floor(maxBytes / 1024 / 1024)} MB`;

/** A body far beyond the limit is refused unread; so is one of unknown size (chunked), which is only known once read. */
function declaredSizeRefusal(request: Request, maxBytes: number): Refusal | null {
  const declaredHeader = request.headers.get("content-length");
  const declared = Number(declaredHeader ?? "");
  if (!Number.isFinite(declared) || declaredHeader === null) {
    return { status: 411, reason: "no-length", message: "上传请求缺少长度，请从本站页面上传" };
  }
  // Multipart framing adds a little.
  if (declared > maxBytes + 64 * 1024) return { status: 413, reason: "too-large", message: sizeLimit(maxBytes) };
  return null;
}

/** The form's files (at most `maxFiles`), why they are refused, or null when none was chosen. */
function formFiles(form: FormData, maxBytes: number, maxFiles: number): File[] | Refusal | null {
  const entries = form.getAll("file");
  if (entries.length > maxFiles) {
    const message = maxFiles === 1 ? "一次只能上传一个文件" : `一次最多上传${maxFiles}个文件`;
    return { status: 400, reason: "several-files", message, files: entries.length };
  }
  const files = entries.filter((file): file is File => file instanceof File && file.size > 0);
  if (files.length === 0) return null;
  for (const file of files) {
    if (file.size > maxBytes) return { status: 413, reason: "too-large", message: sizeLimit(maxBytes), files: files.length };
    const fault = nameFault(file.name);
    if (fault) return { status: 400, reason: "file-name", message: FILE_NAME_MESSAGES[fault], files: files.length };
  }
  return files;
}

/** Reads the one file of a multipart upload after the checks, and answers in JSON. */
export function handleUpload(
  request: Request,
  maxBytes: number,
  handler: (actor: Actor, file: { name: string; bytes: Uint8Array }, form: FormData) => Promise<{ message: string; data?: unknown }>,
): Promise<Response> {
  return handleUploadFiles(request, maxBytes, 1, (actor, files, form) => handler(actor, files[0]!, form));
}

/** The same for a form that may carry up to `maxFiles` files (each at most `maxBytes`). */
export async function handleUploadFiles(
  request: Request,
  maxBytes: number,
  maxFiles: number,
  handler: (actor: Actor, files: { name: string; bytes: Uint8Array }[], form: FormData) => Promise<{ message: string; data?: unknown }>,
): Promise<Response> {
  const refuse = refuser(request);
  if (!sameOrigin(request)) return refuse(await getActor(), { status: 403, reason: "origin", message: "请求来源无效，请从本站页面上传" });
  const actor = await getActor();
  if (!actor) return refuse(null, { status: 401, reason: "no-session", message: "请先登录" });
  const tooLarge = declaredSizeRefusal(request, maxBytes * maxFiles);
  if (tooLarge) return refuse(actor, tooLarge);
  // A file name with a raw line break or quote breaks the multipart framing: the body does not parse.
  const form = await request.formData().catch(() => null);
  if (!form) return refuse(actor, { status: 400, reason: "malformed", message: MALFORMED_MESSAGE });
  const files = formFiles(form, maxBytes, maxFiles);
  if (files === null) return reply(400, { ok: false, message: "请选择要上传的文件" });
  if (!Array.isArray(files)) return refuse(actor, files);
  try {
    const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    const result = await handler(actor, read, form);
    return reply(200, { ok: true, ...result });
  } catch (error) {
    const failure = toActionError(error);
    const status = failure.code === "FORBIDDEN" ? 403 : failure.code === "NOT_FOUND" ? 404 : failure.code === "UNEXPECTED" ? 500 : 400;
    return reply(status, { ok: false, message: failure.message });
  }
}
