// Reading a working copy for the editor, after checking the actor may.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind, ReportStatus } from "@/lib/generated/prisma/enums";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getFormat, type CellValue, type Finding, type RuleInput } from "@/lib/report-format";
import { previousValuesFor } from "./previous-year";
import { isReturned } from "@/lib/workflow/report-status";
import { reportStepsFor } from "@/lib/reports/steps/report-workflow";
import { loadCheckContext } from "./check-context";
import { checkContentIn } from "./check-content";
import { contentOfWorkingCopy, type EditorContent } from "./editor-content";
import { findingsVisibleTo, peerVisibility } from "./finding-visibility";
import { canReadUnpublished } from "@/lib/organizations/unit-roles";

export interface EditorReport {
  id: string;
  year: number;
  status: ReportStatus;
  version: number;
  formatVersion: string;
  savedAt: string;
  organization: { name: string; shortName: string; kind: OrganizationKind };
  content: EditorContent;
  /** Last year's table values, for the cross-year rules (R6, R7, R12). */
  previousValues: Record<string, CellValue> | null;
  /** Last year's narrative, for the stale-text and 雷同 checks against it. */
  previousSections: Record<string, string> | null;
  /** The unit's catalog figures for the year, when it has any (R8, table 二). */
  catalogFigures: RuleInput["catalog"];
  /**
   * 雷同 with other units' reports, checked on the server (their text never
   * reaches this browser) and shown as this reader may see it.
   */
  peerFindings: Finding[];
  canEdit: boolean;
  /** What the actor may do with the report in its present state. */
  can: { submit: boolean; withdraw: boolean; correct: boolean; review: boolean };
  /** Set while a published report is being corrected. */
  correctionReason: string | null;
  /** The reviewer's comments when the latest submission was returned. */
  returnComments: { target: string | null; body: string; author: string; createdAt: string }[];
  /** Sent back with comments and not yet resubmitted (已退回). */
  returned: boolean;
}

export async function getReportForEditor(
  actorOrNull: Actor | null,
  reportId: string,
  prisma: PrismaClient = db(),
): Promise<EditorReport> {
  const actor = requireActor(actorOrNull);
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    include: {
      organization: true,
      sections: true,
      cells: true,
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        include: { comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { displayName: true } } } } },
      },
    },
  });
  if (!report) throw new AppError("NOT_FOUND", "未找到该报告");
  if (!canReadUnpublished(actor, report.organization)) throw new AppError("FORBIDDEN", "您无权查看该报告");
  const content = contentOfWorkingCopy(report);
  const context = await loadCheckContext(prisma, report.organization, report.year);
  // What the workflow panel offers: the steps table, as the server applies it.
  const steps = await reportStepsFor(prisma, actor, { ...report, latest: report.revisions[0] ?? null });
  return {
    id: report.id,
    year: report.year,
    status: report.status,
    version: report.version,
    formatVersion: report.formatVersion,
    savedAt: report.updatedAt.toISOString(),
    organization: {
      name: report.organization.name,
      shortName: report.organization.shortName,
      kind: report.organization.kind,
    },
    content,
    previousValues: context.previous ? previousValuesFor(context.previous, getFormat(report.formatVersion)) : null,
    previousSections: context.previous?.sections ?? null,
    catalogFigures: context.catalog,
    peerFindings: peerFindingsFor(actor, report, content, context),
    canEdit: steps.has("save"),
    can: {
      submit: steps.has("submit"),
      withdraw: steps.has("withdraw"),
      correct: steps.has("correct"),
      review: steps.has("approve") || steps.has("approveAndPublish") || steps.has("return") || steps.has("publish"),
    },
    correctionReason: report.correctionReason,
    returned: isReturned(report.status, report.revisions[0] && { publishedAt: report.revisions[0].publishedAt, comments: report.revisions[0].comments.length }),
    returnComments:
      report.status === "DRAFT"
        ? (report.revisions[0]?.comments ?? []).map((c) => ({
            target: c.target,
            body: c.body,
            author: c.author.displayName,
            createdAt: c.createdAt.toISOString(),
          }))
        : [],
  };
}

/** The findings only the server can make (雷同 with other units), for this reader. */
export function peerFindingsFor(
  actor: Actor,
  report: Parameters<typeof checkContentIn>[1],
  content: EditorContent,
  context: Parameters<typeof checkContentIn>[0],
): Finding[] {
  return visiblePeerFindings(actor, report, checkContentIn(context, report, content));
}

/** Of findings already made on a report, those about other units' text (雷同) that this reader may see. */
export function visiblePeerFindings(actor: Actor, report: Parameters<typeof checkContentIn>[1], findings: readonly Finding[]): Finding[] {
  const format = getFormat(report.formatVersion);
  return findingsVisibleTo(
    format,
    findings.filter((f) => f.peer),
    peerVisibility(actor, report.organization),
  );
}
