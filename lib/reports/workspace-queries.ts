// The clerk's workspace: each organization the actor works for, its reports
// by year, and the deadline of the report being prepared now.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import {
  currentReportYear,
  daysUntil,
  formats,
  publicationDeadline,
  todayInChina,
} from "@/lib/report-format";
import { countyIdOf, loadDeadlineSchedules } from "@/lib/deadlines/county-deadlines";
import { canDraft } from "@/lib/organizations/unit-roles";
import { isReturned } from "./status-labels";

export interface WorkspaceOrganization {
  id: string;
  name: string;
  canEdit: boolean;
  currentYear: number;
  deadline: string;
  daysLeft: number;
  /** `returned`: sent back with comments and not yet resubmitted (已退回). */
  reports: { id: string; year: number; status: ReportStatus; updatedAt: Date; returned: boolean }[];
  /** Years a report can still be started for, newest first. */
  startableYears: number[];
  /** Whether a report exists for the year before each startable year. */
  prefillableYears: number[];
}

export async function listWorkspace(actorOrNull: Actor | null, prisma: PrismaClient = db()): Promise<WorkspaceOrganization[]> {
  const actor = requireActor(actorOrNull);
  const organizationIds = [...new Set(actor.roles.filter((r) => r.role !== "SUPERVISOR").map((r) => r.organizationId))];
  const organizations = await prisma.organization.findMany({
    where: { id: { in: organizationIds } },
    orderBy: { name: "asc" },
    include: {
      reports: {
        orderBy: { year: "desc" },
        select: {
          id: true,
          year: true,
          status: true,
          updatedAt: true,
          revisions: { orderBy: { number: "desc" }, take: 1, select: { publishedAt: true, _count: { select: { comments: true } } } },
        },
      },
    },
  });
  const today = todayInChina();
  const firstYear = Math.min(...formats.map((f) => f.years.from));
  const schedules = await loadDeadlineSchedules(prisma, organizations.map(countyIdOf));
  return organizations.map((organization) => {
    const schedule = schedules.get(countyIdOf(organization));
    const currentYear = currentReportYear(organization.kind, today, schedule);
    const deadline = publicationDeadline(organization.kind, currentYear, schedule);
    const existing = new Set(organization.reports.map((r) => r.year));
    const startableYears: number[] = [];
    for (let year = currentYear; year >= firstYear; year -= 1) if (!existing.has(year)) startableYears.push(year);
    return {
      id: organization.id,
      name: organization.name,
      canEdit: canDraft(actor, organization),
      currentYear,
      deadline,
      daysLeft: daysUntil(deadline, today),
      reports: organization.reports.map(({ revisions, ...report }) => {
        const latest = revisions[0];
        return { ...report, returned: isReturned(report.status, latest && { publishedAt: latest.publishedAt, comments: latest._count.comments }) };
      }),
      startableYears,
      prefillableYears: startableYears.filter((year) => existing.has(year - 1)),
    };
  });
}
