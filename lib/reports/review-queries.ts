// What a reviewer reads: the submitted revision as it will be published, what
// changed since the previous revision, the rule findings with the clerk's
// explanations, and what this reviewer may decide.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { comparableCells, findingId, getFormat, type Finding } from "@/lib/report-format";
import { reportSubjectOf } from "@/lib/reports/steps/report-workflow";
import { isReturned } from "@/lib/workflow/report-status";
import { allowedReportSteps, reportStepRefusal } from "@/lib/reports/steps/report-steps";
import { cellRowsToValues } from "./cell-rows";
import { canReadUnpublished } from "@/lib/organizations/unit-roles";
import { checkReportContent } from "./check-content";
import { findingsVisibleTo, peerVisibility } from "./finding-visibility";
import { diffContent, type ContentSnapshot, type RevisionDiff } from "./revision-diff";

export interface ReviewView {
  reportId: string;
  status: ReportStatus;
  organizationName: string;
  year: number;
  formatVersion: string;
  revision: { number: number; submittedBy: string | null; createdAt: Date; correctionReason: string | null; content: ContentSnapshot };
  previousNumber: number | null;
  /** Changes since the previous revision; on a first submission, since the unit's previous published report. */
  diff: RevisionDiff | null;
  /** The year of the published report the diff compares with, on a first submission. */
  diffAgainstYear: number | null;
  /** Sent back with comments and not yet resubmitted (已退回). */
  returned: boolean;
  /** Set when last year's report used another format: its document; only cells meaning the same are compared. */
  diffAgainstFormat: string | null;
  findings: (Finding & { explanation: string | null })[];
  can: { decide: boolean; approveAndPublish: boolean; publish: boolean; returnReport: boolean };
  /** Why this reviewer may not approve, when they may not. */
  blockedReason: string | null;
}

function snapshot(revision: {
  formatVersion: string;
  title: string;
  signatureLine: string;
  signedOn: Date | null;
  sections: unknown;
  cells: Parameters<typeof cellRowsToValues>[1];
}): ContentSnapshot {
  return {
    title: revision.title,
    signatureLine: revision.signatureLine,
    signedOn: revision.signedOn ? revision.signedOn.toISOString().slice(0, 10) : null,
    sections: revision.sections as Record<string, string>,
    values: cellRowsToValues(getFormat(revision.formatVersion), revision.cells),
  };
}

export async function getReviewView(actorOrNull: Actor | null, reportId: string, prisma: PrismaClient = db()): Promise<ReviewView> {
  const actor = requireActor(actorOrNull);
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    include: {
      organization: true,
      revisions: {
        orderBy: { number: "desc" },
        take: 2,
        include: { cells: true, submittedBy: { select: { displayName: true } }, _count: { select: { comments: true } } },
      },
    },
  });
  if (!report) throw new AppError("NOT_FOUND", "未找到该报告");
  if (!canReadUnpublished(actor, report.organization)) throw new AppError("FORBIDDEN", "您无权查看该报告");
  const [latest, previous] = report.revisions;
  if (!latest) throw new AppError("NOT_FOUND", "该报告尚未提交");
  const format = getFormat(latest.formatVersion);
  const content = snapshot(latest);
  const explanations = latest.explanations as Record<string, string>;
  const checked = await checkReportContent(prisma, { ...report, formatVersion: latest.formatVersion }, content);
  const findings = findingsVisibleTo(format, checked, peerVisibility(actor, report.organization)).map((f) => ({
    ...f,
    explanation: explanations[findingId(f)] ?? null,
  }));
  // A first submission has no earlier revision: the reviewer sees what changed since last year's published report.
  const lastYear = previous
    ? null
    : await prisma.reportRevision.findFirst({
        where: { report: { organizationId: report.organizationId, year: report.year - 1 }, publishedAt: { not: null } },
        orderBy: { number: "desc" },
        include: { cells: true },
      });

  // What the page offers: the steps table, as the server applies it (report-steps.ts).
  const subject = await reportSubjectOf(prisma, actor, { ...report, latest });
  const steps = allowedReportSteps(actor, subject);
  const approveRefusal = reportStepRefusal(actor, subject, "approve");
  return {
    reportId: report.id,
    status: report.status,
    organizationName: report.organization.name,
    year: report.year,
    formatVersion: latest.formatVersion,
    revision: {
      number: latest.number,
      submittedBy: latest.submittedBy?.displayName ?? null,
      createdAt: latest.createdAt,
      correctionReason: latest.correctionReason,
      content,
    },
    previousNumber: previous?.number ?? null,
    diff: previous
      ? diffContent(format, snapshot(previous), content)
      : lastYear
        ? diffContent(format, snapshot(lastYear), content, comparableCells(getFormat(lastYear.formatVersion), format))
        : null,
    diffAgainstYear: !previous && lastYear ? report.year - 1 : null,
    returned: isReturned(report.status, { publishedAt: latest.publishedAt, comments: latest._count.comments }),
    diffAgainstFormat: !previous && lastYear && lastYear.formatVersion !== format.version ? getFormat(lastYear.formatVersion).source : null,
    findings,
    can: {
      decide: steps.has("approve"),
      approveAndPublish: steps.has("approveAndPublish"),
      publish: steps.has("publish"),
      returnReport: steps.has("return"),
    },
    blockedReason: approveRefusal?.kind === "separation" ? "您提交或修改过该报告，不能审核通过（须由其他审核人审核）" : null,
  };
}
