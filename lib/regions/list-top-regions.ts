// The top of the tree for the portal's home page: the root governments (a
// province, or the cities or counties an installation starts at) and the
// governments directly below each, with their counts for the newest year
// with published reports. Four queries, whatever the number of units.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { GOVERNMENT_KINDS } from "@/lib/organizations/tree";
import { countSubtrees } from "./count-subtrees";
import type { RegionSummary } from "./get-region";
import { defaultYear, latestPublishedYear } from "./published-years";

export interface TopRegion extends RegionSummary {
  regions: RegionSummary[];
}

/**
 * Whether the portal is arranged by region: once it holds more than one
 * county, a flat list of every unit's reports grows with the province, and
 * the home page shows the tree instead.
 */
export async function portalHasRegions(prisma: PrismaClient = db()): Promise<boolean> {
  return (await prisma.organization.count({ where: { kind: "COUNTY_GOVERNMENT" }, take: 2 })) > 1;
}

export async function listTopRegions(prisma: PrismaClient = db()): Promise<{ year: number; roots: TopRegion[] }> {
  const governments = { kind: { in: [...GOVERNMENT_KINDS] } };
  const order = [{ regionCode: { sort: "asc" as const, nulls: "last" as const } }, { name: "asc" as const }];
  const select = { id: true, slug: true, name: true, kind: true, parentId: true };
  const [roots, year] = await Promise.all([
    prisma.organization.findMany({ where: { parentId: null, ...governments }, orderBy: order, select }),
    latestPublishedYear(prisma),
  ]);
  const children = await prisma.organization.findMany({
    where: { parentId: { in: roots.map((r) => r.id) }, ...governments },
    orderBy: order,
    select,
  });
  const shown = year ?? defaultYear();
  const counts = await countSubtrees([...roots, ...children].map((g) => g.id), shown, prisma);
  const summary = ({ id, slug, name, kind }: (typeof roots)[number]): RegionSummary => ({
    slug,
    name,
    kind,
    ...(counts.get(id) ?? { units: 0, published: 0 }),
  });
  return {
    year: shown,
    roots: roots.map((root) => ({ ...summary(root), regions: children.filter((c) => c.parentId === root.id).map(summary) })),
  };
}
