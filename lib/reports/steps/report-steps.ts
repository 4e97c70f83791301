// The lifecycle of a report as data: each step, the states it is taken from,
// the state it leads to, who may take it (by their role for the unit), and
// its separation-of-duties condition — the README's From/Step/By/To table.
// The server's runner (runReportStep, report-workflow.ts) and every screen's buttons
// (allowedReportSteps) are derived from this one table, so a screen never
// offers a step the server refuses, nor hides one it allows.
import type { Actor } from "@/lib/auth/actor";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { canDraft, canPublish, canReview } from "@/lib/organizations/unit-roles";
import { allowedSteps, stepRefusal, type Lifecycle, type StepRefusal, type StepRule } from "@/lib/workflow/lifecycle";

export type { StepRefusal };

export type ReportStep = "save" | "submit" | "withdraw" | "return" | "approve" | "approveAndPublish" | "publish" | "correct";

/** A role for the report's unit: its 填报人, its 审核人, or whoever publishes its reports (审核人 or the county's 主管部门). */
export type UnitRole = "clerk" | "reviewer" | "publisher";

/** `reviewer&publisher`: both at once (审核通过并发布). An author — who submitted the revision, saved it last, or saved any of it since the previous revision — may not take a notByAuthor step. */
export const reportSteps: Record<ReportStep, StepRule<ReportStatus, UnitRole | "reviewer&publisher">> = {
  save: {
    from: { DRAFT: ["clerk"] },
    to: "DRAFT",
    event: "report.save",
    forbidden: "您无权修改该报告",
    stateRefusal: { reason: "not-draft", message: "报告已提交审核或已发布，不能再修改" },
  },
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
    forbiddenEvent: "report.publish",
    forbidden: "本单位的报告由主管部门发布",
  },
  publish: {
    from: { APPROVED: ["publisher"] },
    to: "PUBLISHED",
    event: "report.publish",
    forbidden: "您无权发布该报告",
    // Publishing what is not approved is worth a record of its own.
    stateRefusal: { reason: "not-approved", message: "只有审核通过的报告才能发布，请刷新后查看最新状态" },
  },
  correct: { from: { PUBLISHED: ["clerk"] }, to: "DRAFT", event: "report.correct", forbidden: "只有本单位的填报人可以发起更正" },
};

export const allReportSteps = Object.keys(reportSteps) as ReportStep[];

/** What a decision about a report needs to know, loaded by loadReportSubject. */
export interface ReportSubject {
  status: ReportStatus;
  organization: { id: string; parentId: string | null; ancestorIds: string[]; publisher: "REVIEWER" | "SUPERVISOR" };
  /** The latest revision's submitter, and the working copy's last editor. */
  submittedById: string | null;
  lastEditedById: string | null;
  /** The actor saved some of the content since the previous revision (they helped write this one). */
  actorSavedSincePreviousRevision: boolean;
}

function holds(actor: Actor, subject: ReportSubject, role: UnitRole | "reviewer&publisher"): boolean {
  switch (role) {
    case "clerk":
      return canDraft(actor, subject.organization);
    case "reviewer":
      return canReview(actor, subject.organization);
    case "publisher":
      return canPublish(actor, subject.organization);
    case "reviewer&publisher":
      return canReview(actor, subject.organization) && canPublish(actor, subject.organization);
  }
}

export const reportLifecycle: Lifecycle<ReportStatus, ReportStep, UnitRole | "reviewer&publisher", ReportSubject> = {
  steps: reportSteps,
  holds,
  isAuthor: (actor, subject) =>
    subject.submittedById === actor.accountId || subject.lastEditedById === actor.accountId || subject.actorSavedSincePreviousRevision,
  authorRefusal: "提交或最后修改该报告的人不能审核通过",
  stateRefusal: "该报告已被处理，请刷新后查看最新状态",
};

/** Why the actor may not take the step on the report now, or null when they may. */
export function reportStepRefusal(actor: Actor, subject: ReportSubject, step: ReportStep): StepRefusal | null {
  return stepRefusal(reportLifecycle, actor, subject, step);
}

/** The steps the actor may take on the report now: what the screens offer. */
export function allowedReportSteps(actor: Actor, subject: ReportSubject): ReadonlySet<ReportStep> {
  return allowedSteps(reportLifecycle, actor, subject);
}
