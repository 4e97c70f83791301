// POST an import file (multipart: "file", "organizationId"); answers with the
// row-by-row report in JSON.
import { importCatalogItems } from "@/lib/catalog/import/import-items";
import { handleUpload } from "@/lib/catalog/upload-request";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Import files are text or zipped XML: 10 MB holds tens of thousands of rows. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export async function POST(request: Request) {
  return handleUpload(request, MAX_IMPORT_BYTES, async (actor, file, form) => {
    const organizationId = String(form.get("organizationId") ?? "");
    if (!/^[0-9a-f-]{36}$/i.test(organizationId)) throw new AppError("INVALID", "请选择机构");
    const report = await importCatalogItems(actor, { organizationId, fileName: file.name, bytes: file.bytes });
    return { message: `已导入${report.imported}条为草稿，${report.refused.length}行未导入`, data: report };
  });
}
