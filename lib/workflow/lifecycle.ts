// A lifecycle as data (reports: report-steps.ts; catalog items:
// lib/catalog/catalog-steps.ts): each step with the states it is taken from,
// who may take it there (by role for the unit), the state it leads to and
// whether its author is barred (separation of duties). One function decides
// a step for the server's guard and for the screens' buttons alike.
import type { Actor } from "@/lib/auth/actor";

export interface StepRule<Status extends string, Role extends string> {
  /** The states the step is taken from, each with the roles that may take it there (any one of them). */
  from: Partial<Record<Status, readonly Role[]>>;
  to: Status;
  /** Whoever helped write the subject may not take the step (separation of duties). */
  notByAuthor?: boolean;
  /** The audit event of the step. */
  event: string;
  /** The audit event of a refused attempt, when it is not `event` (a refused 审核发布 of a catalog item is recorded as catalog.approve). */
  refusalEvent?: string;
  /** The audit event of a refusal for want of the role only (审核通过并发布 by a reviewer who may not publish: report.publish). */
  forbiddenEvent?: string;
  /** A refusal for the wrong state that deserves its own reason and words (saving what is no longer a draft) rather than the lifecycle's stateRefusal. */
  stateRefusal?: { reason: string; message: string };
  /** Why someone without the role is refused. */
  forbidden: string;
}

export interface Lifecycle<Status extends string, Step extends string, Role extends string, Subject extends { status: Status }> {
  steps: Record<Step, StepRule<Status, Role>>;
  holds: (actor: Actor, subject: Subject, role: Role) => boolean;
  /** The actor helped write the subject (drafted, edited, submitted it). */
  isAuthor: (actor: Actor, subject: Subject) => boolean;
  /** The separation-of-duties refusal, in words. */
  authorRefusal: string;
  /** The refusal when the subject is no longer in a state the step is taken from. */
  stateRefusal: string;
}

export type StepRefusal = { kind: "forbidden" | "state" | "separation"; message: string };

/** Why the actor may not take the step now, or null when they may: the one decision. */
export function stepRefusal<Status extends string, Step extends string, Role extends string, Subject extends { status: Status }>(
  lifecycle: Lifecycle<Status, Step, Role, Subject>,
  actor: Actor,
  subject: Subject,
  step: Step,
): StepRefusal | null {
  const rule = lifecycle.steps[step];
  const roles = Object.values(rule.from).flat() as Role[];
  if (!roles.some((role) => lifecycle.holds(actor, subject, role))) return { kind: "forbidden", message: rule.forbidden };
  const here = rule.from[subject.status];
  if (!here) return { kind: "state", message: lifecycle.stateRefusal };
  if (!here.some((role) => lifecycle.holds(actor, subject, role))) return { kind: "forbidden", message: rule.forbidden };
  if (rule.notByAuthor && lifecycle.isAuthor(actor, subject)) return { kind: "separation", message: lifecycle.authorRefusal };
  return null;
}

/** The steps the actor may take now: what the screens offer. */
export function allowedSteps<Status extends string, Step extends string, Role extends string, Subject extends { status: Status }>(
  lifecycle: Lifecycle<Status, Step, Role, Subject>,
  actor: Actor,
  subject: Subject,
): ReadonlySet<Step> {
  return new Set((Object.keys(lifecycle.steps) as Step[]).filter((step) => stepRefusal(lifecycle, actor, subject, step) === null));
}

/** The default of a switch over every state: reached only by a state the code has not been taught, which the type check reports first. */
export function unhandledState(state: never): never {
  throw new Error(`unhandled workflow state: ${String(state)}`);
}
