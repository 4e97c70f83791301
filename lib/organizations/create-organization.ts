import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { auditActorEvent, auditRefusal } from "@/lib/audit/actor-audit";
import { requireAdministrator, unitInScope } from "@/lib/organizations/admin-scope";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ZCreateOrganizationInput } from "./schemas";
import { PARENT_MESSAGES, parentProblem } from "./tree";

/**
 * A new unit, placed in the tree by the rules of tree.ts. A regional
 * administrator creates units only under a government of its region; only a
 * system administrator creates a root (a province, or a city or county that
 * begins an installation).
 */
export async function createOrganization(
  actorOrNull: Actor | null,
  input: z.output<typeof ZCreateOrganizationInput>,
  prisma: PrismaClient = db(),
) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  const parent = input.parentId
    ? await prisma.organization.findUnique({ where: { id: input.parentId }, select: { id: true, kind: true, ancestorIds: true } })
    : null;
  if (input.parentId && !parent) throw new AppError("INVALID", "未找到所选上级单位", { parentId: "请选择上级单位" });
  const problem = parentProblem({ kind: input.kind }, parent);
  if (problem) throw new AppError("INVALID", PARENT_MESSAGES[problem], { parentId: PARENT_MESSAGES[problem] });
  if (!(parent ? unitInScope(scope, parent) : scope.all)) {
    await auditRefusal(prisma, actor, "organization.create", { type: "organization", id: input.parentId ?? "root" }, "parent-outside-region");
    throw new AppError("FORBIDDEN", "只能在本地区的人民政府之下新建单位", { parentId: "请选择本地区的人民政府" });
  }
  const clash = await prisma.organization.findFirst({
    where: { OR: [{ slug: input.slug }, ...(input.code ? [{ code: input.code }] : []), ...(input.regionCode ? [{ regionCode: input.regionCode }] : [])] },
  });
  if (clash) {
    throw new AppError("CONFLICT", clash.slug === input.slug ? "网址标识已被使用" : clash.code && clash.code === input.code ? "机构代码已被使用" : "行政区划代码已被使用");
  }
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { ...input, parentId: parent?.id ?? null }, select: { id: true } });
    await auditActorEvent(tx, actor, "organization.create", { type: "organization", id: organization.id }, { name: input.name, slug: input.slug, parentId: parent?.id ?? null });
    return organization;
  });
}
