// The lifecycle of a report as data: each step, the states it is taken from,
// the state it leads to, who may take it (by their role for the unit), and
// its separation-of-duties condition — the README's From/Step/By/To table.
// The server's guard (guardReportStep) and every screen's buttons
// (allowedReportSteps) are derived from this one table, so a screen never
// offers a step the server refuses, nor hides one it allows.
import type { Actor } from "@/lib/auth/actor";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { canEditReportsOf, canPublishReportsOf, canReviewReportsOf } from "@/lib/reports/permissions";

export type ReportStep = "submit" | "withdraw" | "return" | "approve" | "approveAndPublish" | "publish" | "correct";

/** A role for the report's unit: its 填报人, its 审核人, or whoever publishes its reports (审核人 or the county's 主管部门). */
export type UnitRole = "clerk" | "reviewer" | "publisher";

export interface StepRule {
  /** The states the step is taken from, each with the roles that may take it there (any one of them; `&` = both). */
  from: Partial<Record<ReportStatus, readonly (UnitRole | "reviewer&publisher")[]>>;
  to: ReportStatus;
  /** Whoever helped write the revision (submitted it, saved it last, saved any of it since the previous revision) may not take the step. */
  notByAuthor?: boolean;
  /** The audit event of the step. */
  event: string;
  /** Why someone without the role is refused. */
  forbidden: string;
}

export const reportSteps: Record<ReportStep, StepRule> = {
  submit: { from: { DRAFT: ["clerk"] }, to: "SUBMITTED", event: "report.submit", forbidden: "只有本单位的填报人可以提交" },
  withdraw: { from: { SUBMITTED: ["clerk"] }, to: "DRAFT", event: "report.withdraw", forbidden: "只有本单位的填报人可以撤回" },
  // A submission goes back from its reviewer; an approved report, from whoever
  // would publish it (the 主管部门 may find a mistake the reviewer missed).
  return: { from: { SUBMITTED: ["reviewer"], APPROVED: ["publisher"] }, to: "DRAFT", event: "report.return", forbidden: "只有本单位的审核人可以退回" },
  approve: { from: { SUBMITTED: ["reviewer"] }, to: "APPROVED", notByAuthor: true, event: "report.approve", forbidden: "只有本单位的审核人可以审核" },
  approveAndPublish: {
    from: { SUBMITTED: ["reviewer&publisher"] },
    to: "PUBLISHED",
    notByAuthor: true,
    event: "report.approve",
    forbidden: "本单位的报告由主管部门发布",
  },
  publish: { from: { APPROVED: ["publisher"] }, to: "PUBLISHED", event: "report.publish", forbidden: "您无权发布该报告" },
  correct: { from: { PUBLISHED: ["clerk"] }, to: "DRAFT", event: "report.correct", forbidden: "只有本单位的填报人可以发起更正" },
};

export const allReportSteps = Object.keys(reportSteps) as ReportStep[];

/** What a decision about a report needs to know, loaded by loadReportSubject. */
export interface ReportSubject {
  status: ReportStatus;
  organization: { id: string; parentId: string | null; publisher: "REVIEWER" | "SUPERVISOR" };
  /** The latest revision's submitter, and the working copy's last editor. */
  submittedById: string | null;
  lastEditedById: string | null;
  /** The actor saved some of the content since the previous revision (they helped write this one). */
  actorSavedSincePreviousRevision: boolean;
}

export type StepRefusal = { kind: "forbidden" | "state" | "separation"; message: string };

function holds(actor: Actor, subject: ReportSubject, role: UnitRole | "reviewer&publisher"): boolean {
  switch (role) {
    case "clerk":
      return canEditReportsOf(actor, subject.organization);
    case "reviewer":
      return canReviewReportsOf(actor, subject.organization);
    case "publisher":
      return canPublishReportsOf(actor, subject.organization);
    case "reviewer&publisher":
      return canReviewReportsOf(actor, subject.organization) && canPublishReportsOf(actor, subject.organization);
  }
}

/** Why the actor may not take the step on the report now, or null when they may. */
export function reportStepRefusal(actor: Actor, subject: ReportSubject, step: ReportStep): StepRefusal | null {
  const rule = reportSteps[step];
  const anyState = Object.values(rule.from).flat();
  if (!anyState.some((role) => holds(actor, subject, role))) return { kind: "forbidden", message: rule.forbidden };
  const here = rule.from[subject.status];
  if (!here) return { kind: "state", message: "该报告已被处理，请刷新后查看最新状态" };
  if (!here.some((role) => holds(actor, subject, role))) return { kind: "forbidden", message: rule.forbidden };
  if (
    rule.notByAuthor &&
    (subject.submittedById === actor.accountId || subject.lastEditedById === actor.accountId || subject.actorSavedSincePreviousRevision)
  ) {
    return { kind: "separation", message: "提交或最后修改该报告的人不能审核通过" };
  }
  return null;
}

/** The steps the actor may take on the report now: what the screens offer. */
export function allowedReportSteps(actor: Actor, subject: ReportSubject): ReadonlySet<ReportStep> {
  return new Set(allReportSteps.filter((step) => reportStepRefusal(actor, subject, step) === null));
}
