// What a save's rule run compares the report with (check-context.ts: last
// year's report, the catalog, the other units' texts for 雷同), read with
// one small query per save. In the days before the deadline every unit of a
// county autosaves every few seconds, and each save used to read the other
// units' narratives and last year's report (some four hundred cells) afresh.
// Here they are kept per process under the version they were read at: one
// query names the current versions, and only the reports whose version has
// moved are read again. Every change to a working copy's text or cells moves
// its version (a save, an import, a correction: each writer of report_section
// and report_cell bumps report.version in the same transaction), and a
// published revision never changes, so what is kept is never older than what
// the database holds at the time of the query. The catalog counts are one
// aggregate over the unit's items and are read each time.
import { LRUCache } from "lru-cache";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { countCatalogForReports } from "@/lib/catalog/report-counts";
import type { PeerReport } from "@/lib/report-format";
import { peerGroupOf, type CheckContext, type CheckUnit } from "./check-context";
import { previousYearReports, type PreviousReport } from "./previous-year";

type Client = PrismaClient | Prisma.TransactionClient;

// Kept for minutes, not for good: should a database ever go back in time
// under a running instance (a restore), versions could repeat with other text.
const KEPT = { max: 5000, ttl: 10 * 60_000 };
/** A report's narrative sections as of a version. */
const narratives = new LRUCache<string, { version: number; sections: Record<string, string> }>(KEPT);
/** Last year's report as of its working copy's version and its latest published revision. */
const previousReports = new LRUCache<string, { version: number; published: number | null; report: PreviousReport }>(KEPT);

interface Stamp {
  id: string;
  unitId: string;
  unitName: string;
  version: number;
  /** Last year's report only: its latest published revision's number. */
  published: number | null;
  lastYear: boolean;
}

/** The reports of the unit's peer group this year (itself left out) and the unit's last year's report, with their versions. */
function readStamps(prisma: Client, unit: CheckUnit, year: number): Promise<Stamp[]> {
  const group = peerGroupOf(unit).id;
  return prisma.$queryRaw<Stamp[]>(Prisma.sql`
    select r.id::text as id, o.id::text as "unitId", o.short_name as "unitName", r.version, null::int as published, false as "lastYear"
      from organization o join report r on r.organization_id = o.id and r.year = ${year}
     where (o.id = ${group}::uuid or o.parent_id = ${group}::uuid) and o.id <> ${unit.id}::uuid
    union all
    select r.id::text, r.organization_id::text, null, r.version,
           (select max(v.number) from report_revision v where v.report_id = r.id and v.published_at is not null), true
      from report r where r.organization_id = ${unit.id}::uuid and r.year = ${year - 1}
     order by "unitId"`);
}

async function peerNarratives(prisma: Client, stamps: readonly Stamp[]): Promise<PeerReport[]> {
  const stale = stamps.filter((s) => narratives.get(s.id)?.version !== s.version).map((s) => s.id);
  if (stale.length > 0) {
    const rows = await prisma.$queryRaw<{ reportId: string; sectionKey: string; body: string }[]>`
      select report_id::text as "reportId", section_key as "sectionKey", body from report_section where report_id = any(${stale}::uuid[])`;
    // Read after the stamps: a text is at least as new as the version it is kept under.
    for (const s of stamps.filter((s) => stale.includes(s.id))) {
      narratives.set(s.id, { version: s.version, sections: Object.fromEntries(rows.filter((r) => r.reportId === s.id).map((r) => [r.sectionKey, r.body])) });
    }
  }
  return stamps.map((s) => ({ unitId: s.unitId, unitName: s.unitName, sections: narratives.get(s.id)?.sections ?? {} }));
}

async function previousReport(prisma: Client, unit: CheckUnit, year: number, stamp: Stamp | undefined): Promise<PreviousReport | null> {
  if (!stamp) return null;
  const kept = previousReports.get(stamp.id);
  if (kept && kept.version === stamp.version && kept.published === stamp.published) return kept.report;
  const report = (await previousYearReports(prisma, [unit.id], year)).get(unit.id) ?? null;
  if (report) previousReports.set(stamp.id, { version: stamp.version, published: stamp.published, report });
  return report;
}

/** The same context as loadCheckContext gives, for a save (see the header). */
export async function loadSaveCheckContext(prisma: Client, unit: CheckUnit, year: number): Promise<CheckContext> {
  const stamps = await readStamps(prisma, unit, year);
  const [peers, previous, catalogs] = await Promise.all([
    peerNarratives(prisma, stamps.filter((s) => !s.lastYear)),
    previousReport(prisma, unit, year, stamps.find((s) => s.lastYear)),
    countCatalogForReports([unit.id], year, prisma),
  ]);
  const counts = catalogs.get(unit.id)!;
  return { previous, catalog: counts.total > 0 ? { total: counts.total, cells: counts.cells } : null, peers };
}
