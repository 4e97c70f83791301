// Saving a draft. The server validates with the format's own schema, computes
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
import { peerFindingsFor } from "./editor-queries";
import { writeSectionsAndCells } from "./write-working-copy";
import { contentHash, contentOfWorkingCopy, type EditorContent } from "./editor-content";
import { auditRefusal } from "@/lib/audit/actor-audit";
import { auditTransition } from "@/lib/reports/steps/transition-helpers";
import { canDraft } from "@/lib/organizations/unit-roles";

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
  const report = await prisma.report.findUnique({ where: { id: input.reportId }, include: { organization: true } });
  if (!report) throw new AppError("NOT_FOUND", "未找到该报告");
  if (!canDraft(actor, report.organization)) {
    await auditRefusal(prisma, actor, "report.save", { type: "report", id: report.id }, "forbidden");
    throw new AppError("FORBIDDEN", "您无权修改该报告");
  }
  if (report.status !== "DRAFT") throw new AppError("CONFLICT", "报告已提交审核或已发布，不能再修改");

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

  const outcome = await prisma.$transaction(async (tx) => {
    const before = await tx.report.findUniqueOrThrow({ where: { id: report.id }, include: workingCopy });
    // The version check and the update are one statement: of two saves based
    // on the same version, exactly one matches.
    const { count } = await tx.report.updateMany({
      where: { id: report.id, version: input.baseVersion, status: "DRAFT" },
      data: {
        title: content.title,
        signatureLine: content.signatureLine,
        signedOn: content.signedOn ? new Date(`${content.signedOn}T00:00:00Z`) : null,
        version: { increment: 1 },
        lastEditedById: actor.accountId,
      },
    });
    if (count === 0) {
      // Read again: the save that won may have committed after `before` was read.
      const current = await tx.report.findUniqueOrThrow({ where: { id: report.id }, include: workingCopy });
      if (current.status !== "DRAFT") throw new AppError("CONFLICT", "报告已提交审核或已发布，不能再修改");
      return {
        status: "conflict" as const,
        version: current.version,
        savedAt: current.updatedAt.toISOString(),
        savedBy: current.lastEditedBy?.displayName ?? null,
        content: contentOfWorkingCopy(current),
      };
    }
    await writeSectionsAndCells(tx, report.id, format, content);
    const after = await tx.report.findUniqueOrThrow({ where: { id: report.id }, select: { version: true, updatedAt: true } });
    await auditTransition(tx, actor, "report.save", report.id, {
      version: after.version,
      before: contentHash(contentOfWorkingCopy(before)),
      after: contentHash(content),
    });
    return { status: "saved" as const, version: after.version, savedAt: after.updatedAt.toISOString(), content };
  });
  if (outcome.status === "conflict") return outcome;
  // 雷同 with other units is checked here, on what was just saved: their text never goes to the browser.
  const context = await loadCheckContext(prisma, report.organization, report.year);
  return { ...outcome, peerFindings: peerFindingsFor(actor, report, outcome.content, context) };
}
