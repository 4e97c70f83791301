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
import { loadCheckContext } from "./check-context";
import { visiblePeerFindings } from "./editor-queries";
import { checkForBoard, storeSavedCheck } from "./stored-findings";
import { writeSectionsAndCells } from "./write-working-copy";
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
  | { status: "saved"; version: number; savedAt: string; content: EditorContent; peerFindings: Finding[] }
  | { status: "conflict"; version: number; savedAt: string; savedBy: string | null; content: EditorContent };

const workingCopy = { organization: true, sections: true, cells: true, lastEditedBy: { select: { displayName: true } } } as const;

export async function saveReport(
  actorOrNull: Actor | null,
  input: TSaveReportInput,
  prisma: PrismaClient = db(),
): Promise<SaveReportOutcome> {
  const actor = requireActor(actorOrNull);
  // Who may save in which state: the steps table (report-steps.ts). The row
  // lock orders two saves based on the same version: the second finds it stale.
  const { outcome, report } = await runReportStep<{ outcome: Omit<SaveReportOutcome & { status: "saved" }, "peerFindings"> | (SaveReportOutcome & { status: "conflict" }); report: LoadedReport }>(prisma, actor, input.reportId, "save", async (tx, report) => {
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
    const before = await tx.report.findUniqueOrThrow({ where: { id: report.id }, include: workingCopy });
    if (before.version !== input.baseVersion) {
      // Someone else's save came first: nothing changes, and the caller gets their text to merge with.
      const conflict = {
        status: "conflict" as const,
        version: before.version,
        savedAt: before.updatedAt.toISOString(),
        savedBy: before.lastEditedBy?.displayName ?? null,
        content: contentOfWorkingCopy(before),
      };
      return { result: { outcome: conflict, report }, changed: false };
    }
    await tx.report.update({
      where: { id: report.id },
      data: {
        title: content.title,
        signatureLine: content.signatureLine,
        signedOn: content.signedOn ? new Date(`${content.signedOn}T00:00:00Z`) : null,
        version: { increment: 1 },
        lastEditedById: actor.accountId,
      },
    });
    await writeSectionsAndCells(tx, report.id, format, content);
    const after = await tx.report.findUniqueOrThrow({ where: { id: report.id }, select: { version: true, updatedAt: true } });
    const saved = { status: "saved" as const, version: after.version, savedAt: after.updatedAt.toISOString(), content };
    return {
      result: { outcome: saved, report },
      detail: { version: after.version, before: contentHash(contentOfWorkingCopy(before)), after: contentHash(content) },
    };
  });
  if (outcome.status === "conflict") return outcome;
  // The rules run once more here, on what was just saved and with what only
  // the server has (雷同 with other units, whose text never goes to the
  // browser): the findings are stored with this version for the boards, and
  // the 雷同 ones go back to the editor.
  const context = await loadCheckContext(prisma, report.organization, report.year);
  const check = checkForBoard(context, report, outcome.content);
  await storeSavedCheck(prisma, report, outcome.version, check);
  return { ...outcome, peerFindings: visiblePeerFindings(actor, report, check.findings) };
}
