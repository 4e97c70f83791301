// The board's rows for the governments below: a province's cities, a city's
// counties — each summed over its whole subtree (the government, its
// departments, the governments below it and their units): how many units,
// how many published on time or late, how many overdue and not published,
// how many not started. One query for every unit of the subtree and one for
// the deadline settings above them; the counting is done here.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind, ReportStatus } from "@/lib/generated/prisma/enums";
import { daysUntil, publicationDeadline, toChinaTimeIso } from "@/lib/report-format";
import { loadSchedulesFor } from "@/lib/deadlines/deadline-settings";
import { GOVERNMENT_KINDS, childOnPath } from "@/lib/organizations/tree";

export interface RegionCounts {
  units: number;
  /** Published by the deadline. */
  publishedOnTime: number;
  /** Published after the deadline. */
  publishedLate: number;
  /** Not published, deadline passed. */
  overdue: number;
  /** No report started (whether or not the deadline has passed). */
  notStarted: number;
}

export interface RegionRow extends RegionCounts {
  organization: { id: string; slug: string; name: string; kind: OrganizationKind };
}

interface UnitFacts {
  id: string;
  kind: OrganizationKind;
  ancestorIds: string[];
  status: ReportStatus | null;
  firstPublishedAt: Date | null;
}

export const emptyCounts = (): RegionCounts => ({ units: 0, publishedOnTime: 0, publishedLate: 0, overdue: 0, notStarted: 0 });

/** Adds one unit to the counts, given its deadline. */
export function countUnit(counts: RegionCounts, unit: Pick<UnitFacts, "status" | "firstPublishedAt">, deadline: string, today: string): void {
  counts.units += 1;
  if (unit.firstPublishedAt) {
    const publishedOn = toChinaTimeIso(unit.firstPublishedAt).slice(0, 10);
    if (publishedOn > deadline) counts.publishedLate += 1;
    else counts.publishedOnTime += 1;
    return;
  }
  if (!unit.status) counts.notStarted += 1;
  if (daysUntil(deadline, today) < 0) counts.overdue += 1;
}

export async function summarizeRegions(prisma: PrismaClient, governmentId: string, year: number, today: string): Promise<RegionRow[]> {
  const regions = await prisma.organization.findMany({
    where: { parentId: governmentId, kind: { in: [...GOVERNMENT_KINDS] } },
    orderBy: [{ regionCode: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, kind: true },
  });
  if (regions.length === 0) return [];
  const units = await prisma.$queryRaw<UnitFacts[]>`
    select o.id, o.kind, o.ancestor_ids as "ancestorIds", r.status, r.first_published_at as "firstPublishedAt"
      from organization o
      left join report r on r.organization_id = o.id and r.year = ${year}
     where o.id = any(${regions.map((r) => r.id)}::uuid[]) or o.ancestor_ids && ${regions.map((r) => r.id)}::uuid[]`;
  const schedules = await loadSchedulesFor(prisma, units);
  const counts = new Map(regions.map((region) => [region.id, emptyCounts()]));
  for (const unit of units) {
    const row = counts.get(childOnPath(unit, governmentId));
    if (row) countUnit(row, unit, publicationDeadline(unit.kind, year, schedules.get(unit.id)), today);
  }
  return regions.map((organization) => ({ organization, ...counts.get(organization.id)! }));
}
