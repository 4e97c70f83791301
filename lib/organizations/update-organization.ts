// An administrator changes how a unit's reports are published (先备案后公布 or
// not) and its 统一社会信用代码. Audited with the values before and after. Past
// 索引号 keep the code they were given; new ones take the new code.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdministrator, unitInScope } from "@/lib/organizations/admin-scope";
import { auditActorEvent } from "@/lib/audit/actor-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ZUpdateOrganizationSettingsInput } from "./schemas";

export async function updateOrganizationSettings(
  actorOrNull: Actor | null,
  input: z.output<typeof ZUpdateOrganizationSettingsInput>,
  prisma: PrismaClient = db(),
) {
  const { actor, scope } = requireAdministrator(actorOrNull);
  const organization = await prisma.organization.findUnique({ where: { id: input.organizationId } });
  if (!organization) throw new AppError("NOT_FOUND", "未找到该机构");
  if (!unitInScope(scope, organization)) throw new AppError("FORBIDDEN", "只能管理本地区的单位");
  if (input.code && input.code !== organization.code && (await prisma.organization.findUnique({ where: { code: input.code } }))) {
    throw new AppError("CONFLICT", "机构代码已被使用", { code: "该代码已属于另一机构" });
  }
  await prisma.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: organization.id }, data: { code: input.code, publisher: input.publisher } });
    await auditActorEvent(tx, actor, "organization.update", { type: "organization", id: organization.id }, {
      before: { code: organization.code, publisher: organization.publisher },
      after: { code: input.code, publisher: input.publisher },
    });
  });
}
