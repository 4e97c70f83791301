// Saving a draft: the "save" step of the report steps table. The server validates with the format's own schema, computes
// the totals itself, and refuses a save based on a stale version: the other
// person's text stays and the caller gets it back to merge with.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { fieldErrorsOf } from "@/lib/actions/field-errors";
import { AppError } from "@/lib/errors";
import { getFormat, reportContentSchema, withComputedTotals, type Finding } from "@/lib/report-format";
import { loadSaveCheckContext } from "./save-check-context";
import { visiblePeerFindings } from "./editor-queries";
import { checkForBoard, storeSavedCheck } from "./stored-findings";
import { readStoredRows, writeSave } from "./write-working-copy";
import { contentHash, contentOfWorkingCopy, type EditorContent } from "./editor-content";
import { runReportStep, type LoadedReport } from "@/lib/reports/steps/report-workflow";

export const ZSaveReportInput = z.object({
  reportId: z.uuid(),
  baseVersion: z.number().int().min(1),
  /** Validated against the report's own format once it is known. */
  content: z.unknown(),
});
export type TSaveReportInput = z.infer<typeof ZSaveReportInput>;

export type SaveReportOutcome =
  // What was saved is what the editor sent (with the totals the server computed, which it computes too): not sent back.
  | { status: "saved"; version: number; savedAt: string; peerFindings: Finding[] }
  | { status: "conflict"; version: number; savedAt: string; savedBy: string | null; content: EditorContent };

export async function saveReport(
  actorOrNull: Actor | null,
  input: TSaveReportInput,
  prisma: PrismaClient = db(),
): Promise<SaveReportOutcome> {
  const actor = requireActor(actorOrNull);
  // Who may save in which state: the steps table (report-steps.ts). The row
  // lock orders two saves based on the same version: the second finds it stale.
  const { outcome, report, content } = await runReportStep<{
    outcome: Omit<SaveReportOutcome & { status: "saved" }, "peerFindings"> | (SaveReportOutcome & { status: "conflict" });
    report: LoadedReport;
    content: EditorContent;
  }>(prisma, actor, input.reportId, "save", async (tx, report) => {
    const format = getFormat(report.formatVersion);
    const parsed = reportContentSchema(format).safeParse(input.content);
    if (!parsed.success) {
      throw new AppError("INVALID", "有输入不符合要求，未保存", fieldErrorsOf(parsed.error));
    }
    const content: EditorContent = {
      title: parsed.data.title,
      signatureLine: parsed.data.signatureLine,
      signedOn: parsed.data.signedOn,
      sections: parsed.data.sections,
      // Totals are the server's to compute; whatever the client sent for them is ignored.
      values: withComputedTotals(format, parsed.data.cells),
    };
    // The report's row is locked and loaded (runReportStep): its version is the one to compare with.
    const stored = await readStoredRows(tx, report.id);
    const before = contentOfWorkingCopy({ ...report, ...stored });
    if (report.version !== input.baseVersion) {
      // Someone else's save came first: nothing changes, and the caller gets their text to merge with.
      const editor = report.lastEditedById ? await tx.account.findUnique({ where: { id: report.lastEditedById }, select: { displayName: true } }) : null;
      const conflict = {
        status: "conflict" as const,
        version: report.version,
        savedAt: report.updatedAt.toISOString(),
        savedBy: editor?.displayName ?? null,
        content: before,
      };
      return { result: { outcome: conflict, report, content }, changed: false };
    }
    const after = await writeSave(tx, report.id, format, stored, { ...content, editorId: actor.accountId });
    const saved = { status: "saved" as const, version: after.version, savedAt: after.updatedAt.toISOString() };
    return {
      result: { outcome: saved, report, content },
      detail: { version: after.version, before: contentHash(before), after: contentHash(content) },
    };
  });
  if (outcome.status === "conflict") return outcome;
  // The rules run once more here, on what was just saved and with what only
  // the server has (雷同 with other units, whose text never goes to the
  // browser): the findings are stored with this version for the boards, and
  // the 雷同 ones go back to the editor.
  const context = await loadSaveCheckContext(prisma, report.organization, report.year);
  const check = checkForBoard(context, report, content);
  await storeSavedCheck(prisma, report, outcome.version, check);
  return { ...outcome, peerFindings: visiblePeerFindings(actor, report, check.findings) };
}
