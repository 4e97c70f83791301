// 待办: what is waiting for this person — the reports their units owe (every
// ended year not yet published, most overdue first), submissions to review,
// approved reports to publish, returned reports to fix.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { todayInChina } from "@/lib/report-format";
import { dueReports, factsOf, type DueState } from "@/lib/deadlines/due-reports";
import { loadSchedulesFor } from "@/lib/deadlines/deadline-settings";
import { rootsOf, subtreeWhere } from "@/lib/organizations/tree";
import { allowedReportSteps } from "@/lib/reports/steps/report-steps";
import { canDraft, canReadUnpublished, canReview } from "@/lib/organizations/unit-roles";
import { isReturned } from "@/lib/workflow/report-status";

export interface TodoItem {
  kind: "review" | "publish" | "returned" | "due";
  organization: string;
  year: number;
  href: string | null;
  /** For a report owed: days left (negative when past), and where it stands. */
  daysLeft?: number;
  state?: DueState;
}


export async function listTodo(actorOrNull: Actor | null, prisma: PrismaClient = db()): Promise<TodoItem[]> {
  const actor = requireActor(actorOrNull);
  const ownUnits = [...new Set(actor.roles.filter((r) => r.role === "CLERK" || r.role === "REVIEWER").map((r) => r.organizationId))];
  // A 主管部门's only step on a unit's report is publishing it where reports are
  // filed first (先备案后公布): of its subtree, only those units can owe it one.
  const supervised = rootsOf(actor, "SUPERVISOR");
  const organizations = await prisma.organization.findMany({
    where: {
      OR: [
        { id: { in: ownUnits } },
        ...(supervised.length > 0 ? [{ AND: [subtreeWhere(supervised), { publisher: "SUPERVISOR" as const, reports: { some: { status: "APPROVED" as const } } }] }] : []),
      ],
    },
    orderBy: { name: "asc" },
    include: {
      reports: {
        orderBy: { year: "desc" },
        include: {
          revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, submittedById: true, publishedAt: true, _count: { select: { comments: true } } } },
          _count: { select: { revisions: { where: { publishedAt: { not: null } } } } },
        },
      },
    },
  });
  const today = todayInChina();
  const schedules = await loadSchedulesFor(prisma, organizations);
  const items: TodoItem[] = [];
  for (const org of organizations) {
    const schedule = schedules.get(org.id);
    if (!canReadUnpublished(actor, org)) continue;
    for (const report of org.reports) {
      const href = `/workspace/reports/${report.id}`;
      // From the steps table. Whether the actor helped write a submission only
      // decides approve, never return: a submission is to do for its reviewers either way.
      const steps = allowedReportSteps(actor, {
        status: report.status,
        organization: org,
        submittedById: report.revisions[0]?.submittedById ?? null,
        lastEditedById: report.lastEditedById,
        actorSavedSincePreviousRevision: false,
      });
      if (steps.has("return") && report.status === "SUBMITTED") {
        items.push({ kind: "review", organization: org.name, year: report.year, href: `${href}/review` });
      }
      if (steps.has("publish")) {
        items.push({ kind: "publish", organization: org.name, year: report.year, href: `${href}/review` });
      }
      const latest = report.revisions[0];
      if (steps.has("submit") && isReturned(report.status, latest && { publishedAt: latest.publishedAt, comments: latest._count.comments })) {
        items.push({ kind: "returned", organization: org.name, year: report.year, href });
      }
    }
    // The reports the unit owes, for the people who write and approve them (its 主管部门 has the board).
    if (canDraft(actor, org) || canReview(actor, org)) {
      for (const due of dueReports(org, org.reports.map(factsOf), today, schedule)) {
        items.push({
          kind: "due",
          organization: org.name,
          year: due.year,
          href: due.reportId ? `/workspace/reports/${due.reportId}` : null,
          daysLeft: due.daysLeft,
          state: due.state,
        });
      }
    }
  }
  // What is owed first, the most overdue at the top; then the rest as found.
  const owed = items.filter((i) => i.kind === "due").sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
  return [...owed, ...items.filter((i) => i.kind !== "due")];
}

