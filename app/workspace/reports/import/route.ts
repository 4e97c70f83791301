// POST a report file (multipart: "file", "organizationId", "year", "step"):
// step "preview" answers with what the file holds, step "import" creates the
// draft from it. The checks of an upload (origin, session, size) are handleUpload's.
import { handleUpload } from "@/lib/catalog/upload-request";
import { AppError } from "@/lib/errors";
import { MAX_SOURCE_BYTES } from "@/lib/import/read-source";
import { importReportFile, previewReportFile } from "@/lib/reports/import-from-file";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleUpload(request, MAX_SOURCE_BYTES, async (actor, file, form) => {
    const organizationId = String(form.get("organizationId") ?? "");
    const year = Number(form.get("year"));
    if (!/^[0-9a-f-]{36}$/i.test(organizationId) || !Number.isInteger(year)) throw new AppError("INVALID", "请选择单位和年度");
    const input = { organizationId, year, fileName: file.name, bytes: file.bytes };
    if (form.get("step") === "import") {
      const created = await importReportFile(actor, { ...input, confirmMismatch: form.get("confirmMismatch") === "1" });
      return { message: "已导入为草稿", data: created };
    }
    return { message: "已读取文件，请核对后确认导入", data: await previewReportFile(actor, input) };
  });
}
