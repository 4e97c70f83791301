// 待办: what is waiting for this person — submissions to review, approved
// reports to publish, returned reports to fix, and units near or past their
// deadline.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { currentReportYear, daysUntil, publicationDeadline, todayInChina } from "@/lib/report-format";
import { countyIdOf, loadDeadlineSchedules } from "@/lib/deadlines/county-deadlines";
import { allowedReportSteps } from "@/lib/reports/steps/report-steps";
import { canReadUnpublished } from "@/lib/organizations/unit-roles";
import { isReturned } from "./status-labels";

export interface TodoItem {
  kind: "review" | "publish" | "returned" | "deadline";
  organization: string;
  year: number;
  href: string | null;
  /** For deadlines: days left (negative when past). */
  daysLeft?: number;
}

/** Units within this many days of their deadline are listed. */
const DEADLINE_WINDOW_DAYS = 30;

export async function listTodo(actorOrNull: Actor | null, prisma: PrismaClient = db()): Promise<TodoItem[]> {
  const actor = requireActor(actorOrNull);
  const roleOrgIds = actor.roles.map((r) => r.organizationId);
  const organizations = await prisma.organization.findMany({
    where: { OR: [{ id: { in: roleOrgIds } }, { parentId: { in: roleOrgIds } }] },
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
  const schedules = await loadDeadlineSchedules(prisma, organizations.map(countyIdOf));
  const items: TodoItem[] = [];
  for (const org of organizations) {
    const schedule = schedules.get(countyIdOf(org));
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
    const year = currentReportYear(org.kind, today, schedule);
    const current = org.reports.find((r) => r.year === year);
    const daysLeft = daysUntil(publicationDeadline(org.kind, year, schedule), today);
    // A report once published stays published while it is being corrected.
    const published = (current?._count.revisions ?? 0) > 0;
    if (!published && daysLeft <= DEADLINE_WINDOW_DAYS) {
      items.push({
        kind: "deadline",
        organization: org.name,
        year,
        href: current ? `/workspace/reports/${current.id}` : null,
        daysLeft,
      });
    }
  }
  return items;
}
