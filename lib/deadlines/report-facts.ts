// What dueReports needs of every report under some governments (or of every
// report), read in one statement: the daily reminder run reads a province's
// 50,000 reports at once. Loaded through dueReportSelect, the nested reads
// would pass every report's id as a parameter, past what a statement may
// carry; here the same facts — the latest revision with its comments, the
// number of publications — come from the database in one pass.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { factsOf, type UnitReportFacts } from "./due-reports";

type Client = PrismaClient | Prisma.TransactionClient;

interface FactRow {
  id: string;
  organizationId: string;
  year: number;
  status: ReportStatus;
  publications: number;
  /** The latest revision's; both null when the report has no revision. */
  publishedAt: Date | null;
  comments: number | null;
}

/** Each unit's reports as dueReports reads them, by unit id (units without reports left out). */
export async function loadReportFacts(prisma: Client, rootIds?: readonly string[]): Promise<Map<string, UnitReportFacts[]>> {
  // The subtree condition only when there is one: "$n is null or …" keeps the planner off the indexes.
  const under = rootIds
    ? Prisma.sql`where o.id = any(${[...rootIds]}::uuid[]) or o.ancestor_ids && ${[...rootIds]}::uuid[]`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<FactRow[]>`
    select r.id, r.organization_id as "organizationId", r.year, r.status,
           (select count(*)::int from report_revision v where v.report_id = r.id and v.published_at is not null) as publications,
           latest.published_at as "publishedAt", latest.comments
      from report r
      join organization o on o.id = r.organization_id
      left join lateral (
        select v.published_at, (select count(*)::int from review_comment c where c.revision_id = v.id) as comments
          from report_revision v where v.report_id = r.id order by v.number desc limit 1
      ) latest on true
     ${under}`;
  const facts = new Map<string, UnitReportFacts[]>();
  for (const row of rows) {
    const latest = row.comments === null ? [] : [{ publishedAt: row.publishedAt, _count: { comments: row.comments } }];
    const unit = facts.get(row.organizationId) ?? [];
    unit.push(factsOf({ id: row.id, year: row.year, status: row.status as UnitReportFacts["status"], revisions: latest, _count: { revisions: row.publications } }));
    facts.set(row.organizationId, unit);
  }
  return facts;
}
