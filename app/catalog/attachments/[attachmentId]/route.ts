// /catalog/attachments/<id>: an attachment's bytes (see lib/catalog/attachment-response.ts).
import { getActor } from "@/lib/auth/current-actor";
import { attachmentResponse } from "@/lib/catalog/attachment-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const { attachmentId } = await params;
  return attachmentResponse(await getActor(), attachmentId);
}
