import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AdminScope } from "@/lib/organizations/admin-scope";
import { db } from "@/lib/db/client";

/** What the administrator's region is called on the import page: the governments it administers, or null for the whole installation. */
export async function scopeNames(scope: AdminScope, prisma: PrismaClient = db()): Promise<string[] | null> {
  if (scope.all) return null;
  const roots = await prisma.organization.findMany({ where: { id: { in: [...scope.roots] } }, select: { name: true }, orderBy: { name: "asc" } });
  return roots.map((r) => r.name);
}
