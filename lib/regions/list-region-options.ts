// The governments a reader can limit a search to, in the order of the tree
// (each government followed by those below it), and the lookup of the one
// chosen. Governments are few (a province has about a hundred and twenty).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/client";
import { GOVERNMENT_KINDS, isGovernment } from "@/lib/organizations/tree";

export interface RegionOption {
  slug: string;
  name: string;
  /** 0 for a root, 1 for the governments below it, … */
  depth: number;
}

export async function listRegionOptions(prisma: PrismaClient = readDb()): Promise<RegionOption[]> {
  const governments = await prisma.organization.findMany({
    where: { kind: { in: [...GOVERNMENT_KINDS] } },
    orderBy: [{ regionCode: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    select: { id: true, slug: true, name: true, parentId: true },
  });
  const ids = new Set(governments.map((g) => g.id));
  const below = new Map<string | null, typeof governments>();
  for (const government of governments) {
    // A government is a root here when nothing above it is a government (a tree may start at any level).
    const parent = government.parentId && ids.has(government.parentId) ? government.parentId : null;
    below.set(parent, [...(below.get(parent) ?? []), government]);
  }
  const options: RegionOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const government of below.get(parent) ?? []) {
      options.push({ slug: government.slug, name: government.name, depth });
      visit(government.id, depth + 1);
    }
  };
  visit(null, 0);
  return options;
}

/** The government a search is limited to, by its slug; null when there is no such government. */
export async function findRegion(slug: string, prisma: PrismaClient = readDb()) {
  const government = await prisma.organization.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, kind: true } });
  return government && isGovernment(government.kind) ? government : null;
}
