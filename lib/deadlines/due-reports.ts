// Which reports a unit owes: every report year that has ended and whose report
// is not yet published, with its deadline (the county's, as the board computes
// it) and where it stands — most urgent first. A year that has not ended can
// be drafted, but is never presented as the one due.
//
// Years before the unit's latest published report are history (published
// elsewhere, or 补录 by the county) unless a report for them was started here.
import { daysUntil, publicationDeadline, type DeadlineSchedule, type OrganizationKindName } from "@/lib/report-format";
import { isReturned } from "@/lib/workflow/report-status";

export type DueState = "NOT_STARTED" | "DRAFT" | "RETURNED" | "SUBMITTED" | "APPROVED";

export const dueStateLabel: Record<DueState, string> = {
  NOT_STARTED: "尚未开始填报",
  DRAFT: "填报中",
  RETURNED: "已退回，待修改",
  SUBMITTED: "待审核",
  APPROVED: "已审核通过，待发布",
};

export interface DueReport {
  year: number;
  /** YYYY-MM-DD */
  deadline: string;
  /** Days to the deadline; negative when past. */
  daysLeft: number;
  state: DueState;
  reportId: string | null;
}

export interface UnitReportFacts {
  id: string;
  year: number;
  status: "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED";
  /** Published at least once (a report being corrected stays published). */
  everPublished: boolean;
  returned: boolean;
}

/** A report row as loaded with its latest revision and its count of publications. */
export interface StoredReportRow {
  id: string;
  year: number;
  status: UnitReportFacts["status"];
  revisions: { publishedAt: Date | null; _count: { comments: number } }[];
  _count: { revisions: number };
}

/** The selection that loads a StoredReportRow (the latest revision, publications counted). */
export const dueReportSelect = {
  id: true,
  year: true,
  status: true,
  revisions: { orderBy: { number: "desc" }, take: 1, select: { publishedAt: true, _count: { select: { comments: true } } } },
  _count: { select: { revisions: { where: { publishedAt: { not: null } } } } },
} as const;

/** What dueReports needs of a stored report. */
export function factsOf(report: StoredReportRow): UnitReportFacts {
  const latest = report.revisions[0];
  return {
    id: report.id,
    year: report.year,
    status: report.status,
    everPublished: report._count.revisions > 0,
    returned: isReturned(report.status, latest && { publishedAt: latest.publishedAt, comments: latest._count.comments }),
  };
}

function stateOf(report: UnitReportFacts | undefined): DueState {
  if (!report) return "NOT_STARTED";
  switch (report.status) {
    case "DRAFT":
      return report.returned ? "RETURNED" : "DRAFT";
    case "SUBMITTED":
      return "SUBMITTED";
    case "APPROVED":
      return "APPROVED";
    case "PUBLISHED":
      throw new Error("a published report is not due");
  }
}

/** The reports the unit owes on `today` (YYYY-MM-DD, China time), most urgent first. */
export function dueReports(
  unit: { kind: OrganizationKindName },
  reports: readonly UnitReportFacts[],
  today: string,
  schedule?: DeadlineSchedule,
): DueReport[] {
  const lastEnded = Number(today.slice(0, 4)) - 1;
  const published = reports.filter((r) => r.everPublished).map((r) => r.year);
  const started = reports.map((r) => r.year);
  const from = published.length > 0 ? Math.max(...published) + 1 : started.length > 0 ? Math.min(lastEnded, ...started) : lastEnded;
  const years = new Set<number>();
  for (let year = from; year <= lastEnded; year += 1) years.add(year);
  // A report started here for an earlier year is owed too, until it is published.
  for (const report of reports) if (report.year <= lastEnded) years.add(report.year);
  const byYear = new Map(reports.map((r) => [r.year, r]));
  return [...years]
    .filter((year) => !byYear.get(year)?.everPublished)
    .map((year) => {
      const deadline = publicationDeadline(unit.kind, year, schedule);
      const report = byYear.get(year);
      return { year, deadline, daysLeft: daysUntil(deadline, today), state: stateOf(report), reportId: report?.id ?? null };
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.year - b.year);
}
