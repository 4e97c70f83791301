// The governments above a unit, root first, for breadcrumbs.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/client";
import { isGovernment } from "@/lib/organizations/tree";

export interface RegionLink {
  slug: string;
  name: string;
}

/** The organizations `ancestorIds` names (a unit's ancestor_ids, root first), in that order. */
export async function listAncestors(ancestorIds: readonly string[], prisma: PrismaClient = readDb()): Promise<RegionLink[]> {
  if (ancestorIds.length === 0) return [];
  const rows = await prisma.organization.findMany({ where: { id: { in: [...ancestorIds] } }, select: { id: true, slug: true, name: true } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ancestorIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ slug: row.slug, name: row.name }] : [];
  });
}

/**
 * The regions above a unit's own pages (its report, its history), root
 * first: the governments over it and, for a government, itself — each page
 * a way back up the tree. Null when there is no such unit.
 */
export async function listRegionTrail(slug: string, prisma: PrismaClient = readDb()): Promise<RegionLink[] | null> {
  const unit = await prisma.organization.findUnique({ where: { slug }, select: { slug: true, name: true, kind: true, ancestorIds: true } });
  if (!unit) return null;
  const ancestors = await listAncestors(unit.ancestorIds, prisma);
  return isGovernment(unit.kind) ? [...ancestors, { slug: unit.slug, name: unit.name }] : ancestors;
}
