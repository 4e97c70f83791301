// Moving a unit under another parent: 乡镇撤并 (a township merged into another
// county's), a department moved to another government. The unit keeps its
// id, slug, reports, catalog and history; the database carries everything
// under it along (organization.ancestor_ids) and refuses a cycle. Both the
// unit and its new parent must be in the administrator's region.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { auditActorEvent, auditRefusal } from "@/lib/audit/actor-audit";
import { requireAdministrator, unitInScope } from "@/lib/organizations/admin-scope";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ZMoveOrganizationInput } from "./schemas";
import { PARENT_MESSAGES, parentProblem, subtreeWhere } from "./tree";
import { notifyPublication } from "@/lib/page-cache/publication-channel";

export async function moveOrganization(actorOrNull: Actor | null, input: z.output<typeof ZMoveOrganizationInput>, prisma: PrismaClient = db()) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  const select = { id: true, name: true, kind: true, parentId: true, ancestorIds: true } as const;
  const [unit, parent] = await Promise.all([
    prisma.organization.findUnique({ where: { id: input.organizationId }, select }),
    prisma.organization.findUnique({ where: { id: input.parentId }, select }),
  ]);
  if (!unit || !parent) throw new AppError("NOT_FOUND", "未找到该单位或所选上级单位");
  if (!unitInScope(scope, unit) || !unitInScope(scope, parent)) {
    await auditRefusal(prisma, actor, "organization.move", { type: "organization", id: unit.id }, "outside-region");
    throw new AppError("FORBIDDEN", "单位和新的上级单位都须在本地区之内");
  }
  if (unit.parentId === parent.id) return { moved: false };
  const problem = parentProblem(unit, parent);
  if (problem) throw new AppError("INVALID", PARENT_MESSAGES[problem], { parentId: PARENT_MESSAGES[problem] });
  await prisma.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: unit.id }, data: { parentId: parent.id } });
    // Sessions hold roles by unit id, and every check reads the tree as stored: nobody needs to sign in again.
    // Published pages name the unit's government (breadcrumbs, the 发布机构's parent): every instance drops
    // its cached copies of the moved subtree's published reports, as on a publication.
    const published = await tx.report.findMany({
      where: { organization: subtreeWhere([unit.id]), revisions: { some: { publishedAt: { not: null } } } },
      select: { year: true, organization: { select: { slug: true } } },
    });
    for (const report of published) await notifyPublication(tx, { organization: report.organization.slug, year: report.year });
    await auditActorEvent(tx, actor, "organization.move", { type: "organization", id: unit.id }, { name: unit.name, from: unit.parentId, to: parent.id });
  });
  return { moved: true };
}
