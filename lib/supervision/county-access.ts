// The county's 主管部门 sees its own county: the county government and the
// units under it, nothing else. Decided from the actor's roles as stored.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hasRole, requireActor, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export async function requireSupervisedCounty(actorOrNull: Actor | null, countySlug: string, prisma: PrismaClient) {
  const actor = requireActor(actorOrNull);
  const county = await prisma.organization.findUnique({ where: { slug: countySlug } });
  if (!county || county.kind !== "COUNTY_GOVERNMENT") throw new AppError("NOT_FOUND", "未找到该县");
  if (!hasRole(actor, county.id, "SUPERVISOR")) throw new AppError("FORBIDDEN", "只有本县的主管部门可以查看");
  return { actor, county };
}

/** Counties the actor supervises, for the workspace's links. */
export function supervisedCountyIds(actor: Actor): string[] {
  return actor.roles.filter((r) => r.role === "SUPERVISOR").map((r) => r.organizationId);
}

/** The counties an actor supervises, with the report year their board opens on. */
export async function listSupervisedCounties(actor: Actor, prisma: PrismaClient) {
  const counties = await prisma.organization.findMany({
    where: { id: { in: supervisedCountyIds(actor) }, kind: "COUNTY_GOVERNMENT" },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
  return counties;
}
