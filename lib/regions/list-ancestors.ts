// The governments above a unit, root first, for breadcrumbs.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";

export interface RegionLink {
  slug: string;
  name: string;
}

/** The organizations `ancestorIds` names (a unit's ancestor_ids, root first), in that order. */
export async function listAncestors(ancestorIds: readonly string[], prisma: PrismaClient = db()): Promise<RegionLink[]> {
  if (ancestorIds.length === 0) return [];
  const rows = await prisma.organization.findMany({ where: { id: { in: [...ancestorIds] } }, select: { id: true, slug: true, name: true } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ancestorIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ slug: row.slug, name: row.name }] : [];
  });
}
