// A government's status board for one report year, at any level. Its own
// units — the government itself and the townships and departments directly
// under it — each with where its report stands, when it last moved, the days
// to or past its deadline, and what looks wrong: the rule engine's findings,
// from the same context as the editor's and the reviewer's (雷同 included),
// and five-fold jumps — read as stored with the report's saved version
// (lib/reports/stored-findings.ts), not run per view. Each government below it (a province's cities, a
// city's counties) as one row of counts over its whole subtree, with a link
// to its own board (region-summary.ts).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind, ReportStatus } from "@/lib/generated/prisma/enums";
import { unhandledState } from "@/lib/workflow/lifecycle";
import type { Actor } from "@/lib/auth/actor";
import { daysUntil, publicationDeadline, todayInChina, toChinaTimeIso, type Finding } from "@/lib/report-format";
import { isReturned } from "@/lib/workflow/report-status";
import { loadCheckContexts } from "@/lib/reports/check-context";
import { checkForBoard, validStoredChecks, type ReportCheckResult } from "@/lib/reports/stored-findings";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { requireSupervisedGovernment } from "./government-access";
import { summarizeRegions, type RegionRow } from "./region-summary";
import { loadSchedulesFor } from "@/lib/deadlines/deadline-settings";
import { isGovernment, rootsOf } from "@/lib/organizations/tree";
import { listAncestors } from "@/lib/regions/list-ancestors";
import { lastReminders, unitsRemindedToday } from "./remind-units";

export type BoardStatus = "NOT_STARTED" | "DRAFT" | "RETURNED" | "SUBMITTED" | "APPROVED" | "PUBLISHED" | "CORRECTING";

export const boardStatusLabel: Record<BoardStatus, string> = {
  NOT_STARTED: "未开始",
  DRAFT: "填报中",
  RETURNED: "已退回",
  SUBMITTED: "待审核",
  APPROVED: "已通过待发布",
  PUBLISHED: "已发布",
  CORRECTING: "已发布，更正中",
};

export interface BoardRow {
  organization: { id: string; slug: string; name: string; kind: OrganizationKind };
  reportId: string | null;
  status: BoardStatus;
  lastActivity: Date | null;
  deadline: string;
  /** Days to the deadline; negative when past. */
  daysLeft: number;
  /** First publication date (YYYY-MM-DD, China time), when published. */
  publishedOn: string | null;
  /** Not published by the deadline (still unpublished, or published after it). */
  late: boolean;
  /** The rule engine's findings on the current content, as the editor and the review page show them. */
  findings: Finding[];
  /** Blocking rule errors in the current content. */
  errors: number;
  /** Warnings: the rules' (incl. R6/R7 against last year's report, R8, 雷同) and five-fold jumps. */
  warnings: string[];
  /** When a 主管部门 last reminded the unit of this year's report (催报). */
  remindedAt: Date | null;
  /** Reminded today, of any year: no second 催报 before tomorrow (remind-units.ts). */
  remindedToday: boolean;
}

export interface StatusBoard {
  government: { id: string; slug: string; name: string; kind: OrganizationKind };
  /** The governments above it that the reader also supervises, root first (the way back up). */
  trail: { slug: string; name: string }[];
  year: number;
  today: string;
  /** The governments directly below, each summed over its subtree. */
  regions: RegionRow[];
  rows: BoardRow[];
}

export async function loadStatusBoard(actor: Actor | null, governmentSlug: string, year: number, prisma: PrismaClient): Promise<StatusBoard> {
  const { actor: reader, government } = await requireSupervisedGovernment(actor, governmentSlug, prisma);
  const today = todayInChina();
  const [units, regions, trail] = await Promise.all([
    prisma.organization.findMany({
      where: { OR: [{ id: government.id }, { parentId: government.id, kind: { in: ["TOWNSHIP", "DEPARTMENT"] } }] },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      include: {
        reports: {
          where: { year },
          include: {
            revisions: {
              orderBy: { number: "desc" },
              select: {
                number: true,
                formatVersion: true,
                createdAt: true,
                publishedAt: true,
                _count: { select: { comments: true } },
              },
            },
          },
        },
      },
    }),
    summarizeRegions(prisma, government.id, year, today),
    boardTrail(prisma, reader, government.ancestorIds),
  ]);
  const current = units.map((unit) => ({ unit, report: unit.reports[0] ?? null }));
  const unitIds = units.map((u) => u.id);
  const [schedules, checks, reminded, remindedToday] = await Promise.all([
    loadSchedulesFor(prisma, units),
    boardChecks(
      prisma,
      current.flatMap(({ unit, report }) => (report ? [{ unit, report }] : [])),
      year,
    ),
    lastReminders(prisma, unitIds, year),
    unitsRemindedToday(prisma, unitIds),
  ]);

  const rows = current.map(({ unit, report }): BoardRow => {
    const deadline = publicationDeadline(unit.kind, year, schedules.get(unit.id));
    const daysLeft = daysUntil(deadline, today);
    const published = report?.revisions.filter((r) => r.publishedAt) ?? [];
    const firstPublished = published.at(-1)?.publishedAt ?? null;
    const publishedOn = firstPublished ? toChinaTimeIso(firstPublished).slice(0, 10) : null;
    const base = {
      organization: { id: unit.id, slug: unit.slug, name: unit.name, kind: unit.kind },
      reportId: report?.id ?? null,
      deadline,
      daysLeft,
      publishedOn,
      late: publishedOn ? publishedOn > deadline : daysLeft < 0,
      remindedAt: reminded.get(unit.id) ?? null,
      remindedToday: remindedToday.has(unit.id),
    };
    if (!report) return { ...base, status: "NOT_STARTED", lastActivity: null, findings: [], errors: 0, warnings: [] };

    const { findings, errors, warnings } = checks.get(report.id)!;
    const latest = report.revisions[0];
    const lastActivity = [report.updatedAt, latest?.createdAt, latest?.publishedAt]
      .filter((d): d is Date => !!d)
      .reduce((a, b) => (a > b ? a : b));
    return {
      ...base,
      status: boardStatus(report.status, latest, published.length > 0),
      lastActivity,
      findings,
      errors,
      warnings,
    };
  });
  return {
    government: { id: government.id, slug: government.slug, name: government.name, kind: government.kind },
    trail,
    year,
    today,
    regions,
    // The government's own report first, then its units.
    rows: rows.sort((a, b) => Number(isGovernment(b.organization.kind)) - Number(isGovernment(a.organization.kind))),
  };
}

/**
 * Each report's findings: as stored with its current version (stored-findings.ts),
 * and for a report whose stored check is missing or older (a version bumped
 * by a step, data written outside the product) checked here, in the same
 * context the editor and the review page check against.
 */
async function boardChecks(
  prisma: PrismaClient,
  reports: { unit: Parameters<typeof loadCheckContexts>[1][number] & { name: string }; report: { id: string; version: number } }[],
  year: number,
): Promise<Map<string, ReportCheckResult>> {
  const stored = await validStoredChecks(prisma, reports.map(({ report }) => report));
  const stale = reports.filter(({ report }) => !stored.has(report.id));
  if (stale.length === 0) return stored;
  const [contents, contexts] = await Promise.all([
    prisma.report.findMany({ where: { id: { in: stale.map(({ report }) => report.id) } }, include: { sections: true, cells: true } }),
    loadCheckContexts(
      prisma,
      stale.map(({ unit }) => unit),
      year,
    ),
  ]);
  const units = new Map(stale.map(({ unit }) => [unit.id, unit]));
  for (const report of contents) {
    const unit = units.get(report.organizationId)!;
    stored.set(report.id, checkForBoard(contexts.get(unit.id)!, { year, formatVersion: report.formatVersion, organization: unit }, contentOfWorkingCopy(report)));
  }
  return stored;
}

/**
 * The governments above this board that the reader supervises too, root
 * first: from the highest one it holds the 主管部门 role on (ancestors are
 * root first, so everything below that one is supervised as well).
 */
function boardTrail(prisma: PrismaClient, reader: Actor, ancestorIds: readonly string[]) {
  const own = new Set(rootsOf(reader, "SUPERVISOR"));
  const from = ancestorIds.findIndex((id) => own.has(id));
  return from < 0 ? Promise.resolve([]) : listAncestors(ancestorIds.slice(from), prisma);
}

function boardStatus(
  status: ReportStatus,
  latest: { publishedAt: Date | null; _count: { comments: number } } | undefined,
  everPublished: boolean,
): BoardStatus {
  // A switch over every state: a new one fails the type check (unhandled) until the board places it.
  switch (status) {
    case "PUBLISHED":
      return "PUBLISHED";
    case "DRAFT":
      if (everPublished) return "CORRECTING";
      return isReturned(status, latest && { publishedAt: latest.publishedAt, comments: latest._count.comments }) ? "RETURNED" : "DRAFT";
    case "SUBMITTED":
    case "APPROVED":
      return everPublished ? "CORRECTING" : status;
    default:
      return unhandledState(status);
  }
}
