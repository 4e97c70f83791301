// The top of the tree for the portal's home page: the root governments (a
// province, or the cities or counties an installation starts at) and the
// governments directly below each, with their counts for the newest year
// with published reports. Four queries, whatever the number of units.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/client";
import { GOVERNMENT_KINDS } from "@/lib/organizations/tree";
import { countRegions } from "./count-regions";
import type { RegionSummary } from "./get-region";
import { defaultYear, listPublishedYears } from "./published-years";

export interface TopRegion extends RegionSummary {
  regions: RegionSummary[];
}

/**
 * Whether the portal is arranged by region: once it holds more than one
 * county, a flat list of every unit's reports grows with the province, and
 * the home page shows the tree instead.
 */
export async function portalHasRegions(prisma: PrismaClient = readDb()): Promise<boolean> {
  return (await prisma.organization.count({ where: { kind: "COUNTY_GOVERNMENT" }, take: 2 })) > 1;
}

export async function listTopRegions(prisma: PrismaClient = readDb()): Promise<{ year: number; roots: TopRegion[] }> {
  const governments = { kind: { in: [...GOVERNMENT_KINDS] } };
  const order = [{ regionCode: { sort: "asc" as const, nulls: "last" as const } }, { name: "asc" as const }];
  const select = { id: true, slug: true, name: true, kind: true, parentId: true };
  const [roots, years] = await Promise.all([
    prisma.organization.findMany({ where: { parentId: null, ...governments }, orderBy: order, select }),
    listPublishedYears(prisma),
  ]);
  const children = await prisma.organization.findMany({
    where: { parentId: { in: roots.map((r) => r.id) }, ...governments },
    orderBy: order,
    select,
  });
  const year = years[0] ?? defaultYear();
  const counts = await countRegions(roots.map((r) => r.id), year, prisma);
  const none = { units: 0, published: 0 };
  const summary = ({ slug, name, kind }: (typeof roots)[number], of: { units: number; published: number } | undefined): RegionSummary => ({
    slug,
    name,
    kind,
    ...(of ?? none),
  });
  return {
    year,
    roots: roots.map((root) => {
      const region = counts.get(root.id);
      return {
        ...summary(root, region?.totals),
        regions: children.filter((c) => c.parentId === root.id).map((child) => summary(child, region?.below.get(child.id))),
      };
    }),
  };
}
