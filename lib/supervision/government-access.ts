// A government's 主管部门 supervises the government, its departments and every
// government below it with their units — and nothing else. A supervisor of a
// province may open the board of any city or county in it; a county's
// supervisor only its own. Decided from the actor's roles as stored.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { isGovernment, rootsOf, supervises, type TreeNode } from "@/lib/organizations/tree";

export async function requireSupervisedGovernment(actorOrNull: Actor | null, governmentSlug: string, prisma: PrismaClient) {
  const actor = requireActor(actorOrNull);
  const government = await prisma.organization.findUnique({ where: { slug: governmentSlug } });
  if (!government || !isGovernment(government.kind)) throw new AppError("NOT_FOUND", "未找到该人民政府");
  if (!supervises(actor, government)) throw new AppError("FORBIDDEN", "只有本级或上级政府的主管部门可以查看");
  return { actor, government };
}

/** Whether the actor supervises `unit` (its own 主管部门 role, or one above it). */
export function requireSupervises(actor: Actor, unit: TreeNode, message = "只能对所监督范围内的单位操作"): void {
  if (!supervises(actor, unit)) throw new AppError("FORBIDDEN", message);
}

/** The governments an actor supervises directly (its roles), for the workspace's links. */
export async function listSupervisedGovernments(actor: Actor, prisma: PrismaClient) {
  return prisma.organization.findMany({
    where: { id: { in: rootsOf(actor, "SUPERVISOR") } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, kind: true },
  });
}
