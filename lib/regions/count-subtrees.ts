// How many units each region holds and how many of them have published their
// report for a year: one aggregate query for any number of regions, so a
// province's page (10,000 units under 16 cities) costs what a county's does
// in round trips. A unit counts as published when a revision of its report
// for the year is published — also while a correction of it is being drafted.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";

export interface SubtreeCounts {
  /** The government itself and every unit under it, at any depth. */
  units: number;
  /** Of those, the units with a published report for the year. */
  published: number;
}

export async function countSubtrees(rootIds: readonly string[], year: number, prisma: PrismaClient = db()): Promise<Map<string, SubtreeCounts>> {
  if (rootIds.length === 0) return new Map();
  // `ancestor_ids @> array[root]` (not `root = any(ancestor_ids)`) is the form the GIN index serves.
  const rows = await prisma.$queryRaw<{ id: string; units: number; published: number }[]>`
    with roots as (select unnest(${[...rootIds]}::uuid[]) as id),
    members as (
      select r.id as root, r.id as unit from roots r
      union all
      select r.id, u.id from roots r join organization u on u.ancestor_ids @> array[r.id]
    )
    select m.root as id, count(*)::int as units,
           count(*) filter (where exists (
             select 1 from report rp join report_revision v on v.report_id = rp.id
              where rp.organization_id = m.unit and rp.year = ${year} and v.published_at is not null))::int as published
      from members m
     group by m.root`;
  return new Map(rows.map((row) => [row.id, { units: row.units, published: row.published }]));
}
