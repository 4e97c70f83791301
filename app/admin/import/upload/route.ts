// POST a region's register (multipart "file": one .xlsx, or one or two CSV
// files). Read off the request thread and kept for its preview; answers
// { uploadId } in JSON to the page's script, and — to a form posted without
// script — a redirect to the preview, or a plain page with the reason.
import { handleUploadFiles } from "@/lib/catalog/upload-request";
import { MAX_REGISTER_FILES } from "@/lib/register/read-register";
import { MAX_REGISTER_BYTES } from "@/lib/register/read-sheets";
import { uploadRegister } from "@/lib/register/uploads";

export const dynamic = "force-dynamic";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The answer for a browser that posted the form itself (no script): a page to read, not JSON. */
async function forPlainForm(response: Response): Promise<Response> {
  const answer = (await response.json()) as { ok: boolean; message: string; data?: { uploadId: string } };
  if (answer.ok && answer.data) return new Response(null, { status: 303, headers: { Location: `/admin/import/${answer.data.uploadId}` } });
  const page = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>未能读取名录</title>
<h1>未能读取名录</h1><p>${escape(answer.message)}</p><p>系统中没有任何改动。<a href="/admin/import">返回重新上传</a></p></html>`;
  return new Response(page, { status: response.status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function POST(request: Request) {
  const response = await handleUploadFiles(request, MAX_REGISTER_BYTES, MAX_REGISTER_FILES, async (actor, files) => {
    const { uploadId } = await uploadRegister(actor, files);
    return { message: "已读取名录，请核对预览", data: { uploadId } };
  });
  return request.headers.get("accept")?.includes("application/json") ? response : forPlainForm(response);
}
