// The clerk's workspace: each organization the actor works for, its reports
// by year, and the reports it owes (lib/deadlines/due-reports.ts), most urgent
// first — the year to start defaults to the most urgent one not started.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { formats, publicationDeadline, todayInChina } from "@/lib/report-format";
import { loadSchedulesFor } from "@/lib/deadlines/deadline-settings";
import { dueReportSelect, dueReports, factsOf, type DueReport } from "@/lib/deadlines/due-reports";
import { canDraft } from "@/lib/organizations/unit-roles";

export interface WorkspaceOrganization {
  id: string;
  name: string;
  canEdit: boolean;
  /** Every report year that has ended and is not yet published, most urgent first. */
  due: DueReport[];
  /** The year under way (not ended): it can be drafted ahead, and its deadline. */
  openYear: { year: number; deadline: string };
  /** The year the start form offers first: the most urgent one not started, else the newest startable. */
  defaultStartYear: number | null;
  /** `returned`: sent back with comments and not yet resubmitted (已退回). */
  reports: { id: string; year: number; status: ReportStatus; updatedAt: Date; returned: boolean }[];
  /** Years a report can still be started for, newest first. */
  startableYears: number[];
  /** Whether a report exists for the year before each startable year. */
  prefillableYears: number[];
}

export async function listWorkspace(actorOrNull: Actor | null, prisma: PrismaClient = db()): Promise<WorkspaceOrganization[]> {
  const actor = requireActor(actorOrNull);
  const organizationIds = [...new Set(actor.roles.filter((r) => r.role === "CLERK" || r.role === "REVIEWER").map((r) => r.organizationId))];
  const organizations = await prisma.organization.findMany({
    where: { id: { in: organizationIds } },
    orderBy: { name: "asc" },
    include: {
      reports: {
        orderBy: { year: "desc" },
        select: { ...dueReportSelect, updatedAt: true },
      },
    },
  });
  const today = todayInChina();
  const firstYear = Math.min(...formats.map((f) => f.years.from));
  const schedules = await loadSchedulesFor(prisma, organizations);
  return organizations.map((organization) => {
    const schedule = schedules.get(organization.id);
    const openYear = Number(today.slice(0, 4));
    const reports = organization.reports.map((report) => ({ ...factsOf(report), updatedAt: report.updatedAt }));
    const due = dueReports(organization, reports, today, schedule);
    const existing = new Set(reports.map((r) => r.year));
    const startableYears: number[] = [];
    for (let year = openYear; year >= firstYear; year -= 1) if (!existing.has(year)) startableYears.push(year);
    const mostUrgentUnstarted = due.find((d) => d.state === "NOT_STARTED")?.year;
    return {
      id: organization.id,
      name: organization.name,
      canEdit: canDraft(actor, organization),
      due,
      openYear: { year: openYear, deadline: publicationDeadline(organization.kind, openYear, schedule) },
      defaultStartYear: mostUrgentUnstarted ?? startableYears.find((year) => year < openYear) ?? startableYears[0] ?? null,
      reports: reports.map((r) => ({ id: r.id, year: r.year, status: r.status, updatedAt: r.updatedAt, returned: r.returned })),
      startableYears,
      prefillableYears: startableYears.filter((year) => existing.has(year - 1)),
    };
  });
}
