// How many units a region holds and how many of them have published their
// report for a year, for a government's whole region and for each
// government directly below it: one aggregate query that reads each unit of
// the region once, whatever the depth — a province's 10,000 units under 16
// cities cost one pass, not one per city.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/client";

export interface SubtreeCounts {
  /** The government itself and every unit under it, at any depth. */
  units: number;
  /** Of those, the units with a published report for the year. */
  published: number;
}

export interface RegionCounts {
  /** The government's whole region. */
  totals: SubtreeCounts;
  /** By unit directly below the government: for a government below, its whole region; for a department or township, itself. */
  below: Map<string, SubtreeCounts>;
}

/**
 * Counts for the regions of `governmentIds`. A unit counts as published when
 * a revision of its report for the year is published — also while a
 * correction of it is being drafted (the report's status is then no longer
 * PUBLISHED, which is why the status alone is not enough; it only spares
 * the look at the revisions for most reports).
 */
export async function countRegions(governmentIds: readonly string[], year: number, prisma: PrismaClient = readDb()): Promise<Map<string, RegionCounts>> {
  if (governmentIds.length === 0) return new Map();
  // Each unit is counted under the government's child on its path (ancestor_ids, root first).
  // `ancestor_ids @> array[g]`, not `g = any(ancestor_ids)`, is the form the GIN index serves.
  const rows = await prisma.$queryRaw<{ government: string; below: string; units: number; published: number }[]>`
    with governments as (select unnest(${[...governmentIds]}::uuid[]) as id),
    members as (
      select g.id as government, g.id as below, g.id as unit from governments g
      union all
      select g.id, coalesce(u.ancestor_ids[array_position(u.ancestor_ids, g.id) + 1], u.id), u.id
        from governments g join organization u on u.ancestor_ids @> array[g.id]
    )
    select m.government, m.below, count(*)::int as units,
           count(*) filter (where exists (
             select 1 from report rp
              where rp.organization_id = m.unit and rp.year = ${year}
                and (rp.status = 'PUBLISHED' or rp.published_revision_id is not null)))::int as published
      from members m
     group by m.government, m.below`;
  const counts = new Map<string, RegionCounts>(
    governmentIds.map((id) => [id, { totals: { units: 0, published: 0 }, below: new Map() }]),
  );
  for (const row of rows) {
    const region = counts.get(row.government)!;
    region.totals.units += row.units;
    region.totals.published += row.published;
    if (row.below !== row.government) region.below.set(row.below, { units: row.units, published: row.published });
  }
  return counts;
}
