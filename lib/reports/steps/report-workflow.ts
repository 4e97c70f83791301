// The server side of the report steps table (report-steps.ts): where a
// report is stored and what a decision about it needs to know. The step files
// take their step through runReportStep (lib/workflow/run-step.ts); the
// screens ask reportStepsFor what to offer.
import type { Approval, Organization, Prisma, PrismaClient, Report, ReportRevision } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { checkStep, runStep, staleRefusal, type StepDone, type Workflow } from "@/lib/workflow/run-step";
import { allowedReportSteps, reportLifecycle, type ReportStep, type ReportSubject, type UnitRole } from "./report-steps";

type Client = PrismaClient | Prisma.TransactionClient;

type Row = Record<string, unknown>;
const at = (value: unknown) => new Date(value as string);
const maybeAt = (value: unknown) => (value === null ? null : at(value));

// The rows as to_jsonb writes them (column names, dates as ISO text), each
// field named: a column added to a model and not read here fails the type check.
const reportOf = (r: Row): Report => ({
  id: r.id as string,
  organizationId: r.organization_id as string,
  year: r.year as number,
  formatVersion: r.format_version as string,
  status: r.status as Report["status"],
  title: r.title as string,
  signatureLine: r.signature_line as string,
  signedOn: maybeAt(r.signed_on),
  version: r.version as number,
  lastEditedById: r.last_edited_by_id as string | null,
  correctionReason: r.correction_reason as string | null,
  firstPublishedAt: maybeAt(r.first_published_at),
  publishedRevisionId: r.published_revision_id as string | null,
  publishedFormatVersion: r.published_format_version as string | null,
  createdAt: at(r.created_at),
  updatedAt: at(r.updated_at),
});
const organizationOf = (o: Row): Organization => ({
  id: o.id as string,
  slug: o.slug as string,
  name: o.name as string,
  shortName: o.short_name as string,
  code: o.code as string | null,
  regionCode: o.region_code as string | null,
  kind: o.kind as Organization["kind"],
  publisher: o.publisher as Organization["publisher"],
  parentId: o.parent_id as string | null,
  ancestorIds: o.ancestor_ids as string[],
  createdAt: at(o.created_at),
  updatedAt: at(o.updated_at),
});
const revisionOf = (v: Row): ReportRevision => ({
  id: v.id as string,
  reportId: v.report_id as string,
  number: v.number as number,
  formatVersion: v.format_version as string,
  title: v.title as string,
  signatureLine: v.signature_line as string,
  signedOn: maybeAt(v.signed_on),
  sections: v.sections as ReportRevision["sections"],
  explanations: v.explanations as ReportRevision["explanations"],
  correctionReason: v.correction_reason as string | null,
  submittedById: v.submitted_by_id as string | null,
  createdAt: at(v.created_at),
  publishedAt: maybeAt(v.published_at),
  indexNumber: v.index_number as string | null,
  publishedById: v.published_by_id as string | null,
});
const approvalOf = (a: Row): Approval => ({
  id: a.id as string,
  revisionId: a.revision_id as string,
  approvedById: a.approved_by_id as string,
  approvedAt: at(a.approved_at),
});

/**
 * Locks the report's row and reads it with its unit and latest revision (and
 * that revision's approval) in one statement: every step, and every autosave,
 * starts here while holding the lock.
 */
async function lockAndLoadReport(tx: Prisma.TransactionClient, reportId: string) {
  const [row] = await tx.$queryRaw<{ report: Row; organization: Row; latest: Row | null; approval: Row | null }[]>`
    select to_jsonb(r) as report, to_jsonb(o) as organization, to_jsonb(v) as latest, to_jsonb(a) as approval
      from report r
      join organization o on o.id = r.organization_id
      left join lateral (select * from report_revision where report_id = r.id order by number desc limit 1) v on true
      left join approval a on a.revision_id = v.id
     where r.id = ${reportId}::uuid
       for update of r`;
  if (!row) return null;
  const latest = row.latest ? { ...revisionOf(row.latest), approval: row.approval ? approvalOf(row.approval) : null } : null;
  return { ...reportOf(row.report), organization: organizationOf(row.organization), latest };
}

export type LoadedReport = NonNullable<Awaited<ReturnType<typeof lockAndLoadReport>>>;

/** Whoever saved any of the content since the previous revision helped write this one. */
async function savedSincePreviousRevision(prisma: Client, actor: Actor, reportId: string, number: number | null) {
  if (number === null) return false;
  const previous = await prisma.reportRevision.findFirst({
    where: { reportId, number: { lt: number } },
    orderBy: { number: "desc" },
    select: { createdAt: true },
  });
  const saves = await prisma.auditEvent.count({
    where: {
      objectType: "report",
      objectId: reportId,
      event: { in: ["report.save", "report.create"] },
      result: "success",
      actor: actor.username,
      ...(previous ? { occurredAt: { gt: previous.createdAt } } : {}),
    },
  });
  return saves > 0;
}

type SubjectFacts = Pick<LoadedReport, "id" | "status" | "organization" | "lastEditedById"> & {
  latest: { number: number; submittedById: string | null } | null;
};

/** The facts of a report that the steps table decides on, for this actor. */
export async function reportSubjectOf(prisma: Client, actor: Actor, report: SubjectFacts): Promise<ReportSubject> {
  return {
    status: report.status,
    organization: report.organization,
    submittedById: report.latest?.submittedById ?? null,
    lastEditedById: report.lastEditedById,
    // Only a decision on a submission needs it: one query, for reviewers only.
    actorSavedSincePreviousRevision:
      report.status === "SUBMITTED" ? await savedSincePreviousRevision(prisma, actor, report.id, report.latest?.number ?? null) : false,
  };
}

export const reportWorkflow: Workflow<ReportSubject["status"], ReportStep, UnitRole | "reviewer&publisher", ReportSubject, LoadedReport> = {
  lifecycle: reportLifecycle,
  objectType: "report",
  notFound: "未找到该报告",
  lockAndLoad: lockAndLoadReport,
  subjectOf: reportSubjectOf,
};

/** The steps the actor may take on a loaded report: what the screens offer. */
export async function reportStepsFor(prisma: Client, actor: Actor, report: SubjectFacts) {
  return allowedReportSteps(actor, await reportSubjectOf(prisma, actor, report));
}

/** Takes a step on a report: row lock, the table's decision, the change and its audit in one transaction. */
export function runReportStep<R>(
  prisma: PrismaClient,
  actor: Actor,
  reportId: string,
  step: ReportStep,
  change: (tx: Prisma.TransactionClient, report: LoadedReport) => Promise<StepDone<R>>,
): Promise<R> {
  return runStep(prisma, reportWorkflow, actor, reportId, step, change);
}

/** Whether the server would let the actor take the step now (audited when not), without taking it. */
export function checkReportStep(prisma: PrismaClient, actor: Actor, reportId: string, step: ReportStep) {
  return checkStep(prisma, reportWorkflow, actor, reportId, step);
}

/** Two people acting on the same report: the second's reading is stale. */
export const reportAlreadyHandled = () => staleRefusal(reportWorkflow);
