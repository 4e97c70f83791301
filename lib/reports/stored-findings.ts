// A report's findings stored with each saved version of its working copy, so
// that a status board of a hundred units reads counts instead of running the
// rules a hundred times per view. What is stored is what the board shows: the
// rule engine's findings (in the same context as the editor's, 雷同 and the
// checks against last year included) and five-fold jumps.
//
// A stored row is valid while its version equals the report's: any later save,
// import or step that bumps the version makes it stale, and the board then
// checks that report afresh (board.ts). The context is taken as it stood when
// the version was saved, except for 雷同, which is mutual: when a save finds
// (or no longer finds) another unit's text alike, that unit's stored check is
// redone as well (mirrorPeers), so both rows say it, as a fresh run would.
// Last year's report and the catalog count are read at save time: a
// correction of last year's report shows on this year's row at its next save.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getFormat, type Finding } from "@/lib/report-format";
import { fiveFoldJumps, jumpMessage } from "@/lib/report-format/five-fold-jumps";
import { loadCheckContexts, type CheckContext } from "./check-context";
import { checkContentIn, type CheckedContent, type CheckedReport } from "./check-content";
import { contentOfWorkingCopy } from "./editor-content";
import { previousValuesFor } from "./previous-year";

type Client = PrismaClient | Prisma.TransactionClient;

export interface ReportCheckResult {
  findings: Finding[];
  /** Blocking rule errors. */
  errors: number;
  /** The rules' warnings and five-fold jumps, as messages. */
  warnings: string[];
}

/** The board's check of one report's content in a context already loaded. */
export function checkForBoard(context: CheckContext, report: CheckedReport, content: CheckedContent): ReportCheckResult {
  const findings = checkContentIn(context, report, content);
  const format = getFormat(report.formatVersion);
  return {
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: [
      ...findings.filter((f) => f.severity === "warning").map((f) => f.message),
      ...(context.previous ? fiveFoldJumps(format, content.values, previousValuesFor(context.previous, format)).map(jumpMessage) : []),
    ],
  };
}

/**
 * Stores checks for report versions, in one statement. A check computed for
 * a version that is no longer the report's (a later save came first) is not
 * written, and a newer stored one is never replaced by an older one (the
 * same version is checked again when its context changed: a unit saved since
 * whose text is alike).
 */
export async function storeChecks(prisma: Client, checks: readonly { reportId: string; version: number; check: ReportCheckResult }[]): Promise<void> {
  if (checks.length === 0) return;
  const rows = checks.map(({ reportId, version, check }) => ({ report_id: reportId, version, errors: check.errors, warnings: check.warnings, findings: check.findings }));
  await prisma.$executeRawUnsafe(
    `insert into report_check (report_id, version, errors, warnings, findings)
     select x.report_id, x.version, x.errors, x.warnings, x.findings
       from jsonb_to_recordset($1::jsonb) as x(report_id uuid, version int, errors int, warnings jsonb, findings jsonb)
       join report r on r.id = x.report_id and r.version = x.version
     on conflict (report_id) do update
        set version = excluded.version, errors = excluded.errors, warnings = excluded.warnings,
            findings = excluded.findings, checked_at = now()
      where report_check.version <= excluded.version`,
    JSON.stringify(rows),
  );
}

const workingCopy = {
  id: true,
  version: true,
  year: true,
  formatVersion: true,
  title: true,
  signatureLine: true,
  signedOn: true,
  organization: { select: { id: true, name: true, kind: true, parentId: true, ancestorIds: true } },
  sections: true,
  cells: true,
} as const;

/**
 * 雷同 is mutual: the reports of the year whose stored findings name one of
 * these units as alike, or that these units' new findings name, are checked
 * again (not the reports just stored). Usually none.
 */
async function mirrorPeers(prisma: PrismaClient, year: number, stored: readonly { reportId: string; unitId: string; check: ReportCheckResult }[]): Promise<void> {
  const named = stored.flatMap(({ check }) => check.findings.flatMap((f) => (f.peer ? [f.peer.unitId] : [])));
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `select r.id::text from report r
      where r.year = $1
        and (r.organization_id = any($2::uuid[])
             or r.id in (select report_id from report_check where findings @> any($3::jsonb[])))
        and r.id <> all($4::uuid[])`,
    year,
    named,
    stored.map(({ unitId }) => JSON.stringify([{ peer: { unitId } }])),
    stored.map(({ reportId }) => reportId),
  );
  if (rows.length > 0) await refreshStoredFindings(prisma, rows.map((row) => row.id), { mirror: false });
}

/** Stores the check of a version just saved, and redoes the checks of the units it is (or was) alike with. */
export async function storeSavedCheck(prisma: PrismaClient, report: { id: string; year: number; organizationId: string }, version: number, check: ReportCheckResult): Promise<void> {
  await storeChecks(prisma, [{ reportId: report.id, version, check }]);
  await mirrorPeers(prisma, report.year, [{ reportId: report.id, unitId: report.organizationId, check }]);
}

/**
 * Checks and stores the current version of these reports, in batches: a few
 * queries per batch (the reports, their contexts), not per report. For
 * writers that change working copies outside the editor's save (imports, the
 * bulk loaders of the benchmarks).
 */
export async function refreshStoredFindings(
  prisma: PrismaClient,
  reportIds: readonly string[],
  { batchSize = 200, mirror = true }: { batchSize?: number; mirror?: boolean } = {},
): Promise<number> {
  let stored = 0;
  for (let start = 0; start < reportIds.length; start += batchSize) {
    const reports = await prisma.report.findMany({ where: { id: { in: reportIds.slice(start, start + batchSize) } }, select: workingCopy });
    const years = [...new Set(reports.map((r) => r.year))];
    const checks = [];
    for (const year of years) {
      const ofYear = reports.filter((r) => r.year === year);
      const contexts = await loadCheckContexts(
        prisma,
        ofYear.map((r) => r.organization),
        year,
      );
      for (const report of ofYear) {
        const check = checkForBoard(contexts.get(report.organization.id)!, report, contentOfWorkingCopy(report));
        checks.push({ reportId: report.id, unitId: report.organization.id, year, version: report.version, check });
      }
    }
    await storeChecks(prisma, checks);
    if (mirror) {
      for (const year of years) await mirrorPeers(prisma, year, checks.filter((c) => c.year === year));
    }
    stored += checks.length;
  }
  return stored;
}

/** The stored checks of these reports that are still valid (stored for the report's current version). */
export async function validStoredChecks(prisma: Client, reports: readonly { id: string; version: number }[]): Promise<Map<string, ReportCheckResult>> {
  if (reports.length === 0) return new Map();
  const versions = new Map(reports.map((r) => [r.id, r.version]));
  const rows = await prisma.reportCheck.findMany({ where: { reportId: { in: [...versions.keys()] } } });
  return new Map(
    rows
      .filter((row) => row.version === versions.get(row.reportId))
      .map((row) => [row.reportId, { findings: row.findings as unknown as Finding[], errors: row.errors, warnings: row.warnings as string[] }]),
  );
}
