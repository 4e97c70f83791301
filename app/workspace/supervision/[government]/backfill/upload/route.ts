// POST one back-fill upload (multipart: "file", "step"): step "match" answers
// with what each file (or each entry of a zip) is; step "import" publishes one
// of them ("entry", "unitId", "year") as 补录. The upload's checks are handleUpload's.
import { handleUpload } from "@/lib/catalog/upload-request";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { backfillFile, matchBackfillFiles } from "@/lib/supervision/backfill";

export const dynamic = "force-dynamic";

/** A zip of a government's units' history: tens of reports. */
const MAX_BACKFILL_BYTES = 50 * 1024 * 1024;

export async function POST(request: Request, { params }: { params: Promise<{ government: string }> }) {
  const { government } = await params;
  return handleUpload(request, MAX_BACKFILL_BYTES, async (actor, file, form) => {
    if (form.get("step") === "import") {
      const unitId = String(form.get("unitId") ?? "");
      const year = Number(form.get("year"));
      if (!/^[0-9a-f-]{36}$/i.test(unitId) || !Number.isInteger(year)) throw new AppError("INVALID", "请为该文件选择单位和年度");
      const entry = form.get("entry") ? String(form.get("entry")) : null;
      const result = await backfillFile(actor, government, { ...file, entry, unitId, year }, db());
      return { message: result.message, data: result };
    }
    const matches = await matchBackfillFiles(actor, government, file, db());
    return { message: `已识别 ${matches.length} 个文件`, data: matches };
  });
}
