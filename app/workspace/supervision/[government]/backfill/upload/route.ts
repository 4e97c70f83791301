// POST one back-fill upload (multipart: "file", "step"): step "match" answers
// with what each file (or each entry of a zip) is; step "import" publishes
// the files of it chosen ("choices": JSON, an entry, unitId and year each) as
// 补录, with a result per file. The upload's checks are handleUpload's.
import { handleUpload } from "@/lib/catalog/upload-request";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { backfillFiles, matchBackfillFiles, type BackfillChoice } from "@/lib/supervision/backfill";
import { ZBackfillChoices } from "@/lib/supervision/schemas";

export const dynamic = "force-dynamic";

/** A zip of a government's units' history: tens of reports. */
const MAX_BACKFILL_BYTES = 50 * 1024 * 1024;

const CHOOSE_MESSAGE = "请为该文件选择单位和年度";

function choicesOf(form: FormData): BackfillChoice[] {
  let listed: unknown;
  try {
    listed = JSON.parse(String(form.get("choices") ?? ""));
  } catch {
    throw new AppError("INVALID", CHOOSE_MESSAGE);
  }
  const choices = ZBackfillChoices.safeParse(listed);
  if (!choices.success) throw new AppError("INVALID", CHOOSE_MESSAGE);
  return choices.data;
}

export async function POST(request: Request, { params }: { params: Promise<{ government: string }> }) {
  const { government } = await params;
  return handleUpload(request, MAX_BACKFILL_BYTES, async (actor, file, form) => {
    if (form.get("step") === "import") {
      const results = await backfillFiles(actor, government, file, choicesOf(form), db());
      const done = results.filter((result) => result.ok).length;
      return { message: `补录 ${done} 个，未补录 ${results.length - done} 个`, data: results };
    }
    const matches = await matchBackfillFiles(actor, government, file, db());
    return { message: `已识别 ${matches.length} 个文件`, data: matches };
  });
}
