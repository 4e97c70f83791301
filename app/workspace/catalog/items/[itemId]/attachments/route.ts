// POST a file to a draft item (multipart, field "file"); answers in JSON.
import { addCatalogAttachment } from "@/lib/catalog/attachments";
import { handleUpload } from "@/lib/catalog/upload-request";
import { attachmentEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ itemId: string }> }) {
  const { itemId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(itemId)) return Response.json({ ok: false, message: "未找到该信息" }, { status: 404 });
  return handleUpload(request, attachmentEnv().ATTACHMENT_MAX_BYTES, async (actor, file) => {
    await addCatalogAttachment(actor, { itemId, fileName: file.name, bytes: file.bytes });
    return { message: `已上传：${file.name}` };
  });
}
