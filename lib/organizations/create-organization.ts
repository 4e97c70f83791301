import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireSystemAdmin, type Actor } from "@/lib/auth/actor";
import { auditActorEvent } from "@/lib/audit/actor-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ZCreateOrganizationInput } from "./schemas";

export async function createOrganization(
  actorOrNull: Actor | null,
  input: z.output<typeof ZCreateOrganizationInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireSystemAdmin(actorOrNull);
  // Townships and departments sit under a county government; a county has no parent here.
  if (input.kind !== "COUNTY_GOVERNMENT") {
    const parent = input.parentId ? await prisma.organization.findUnique({ where: { id: input.parentId } }) : null;
    if (parent?.kind !== "COUNTY_GOVERNMENT") {
      throw new AppError("INVALID", "乡镇和部门须隶属于一个县级人民政府", { parentId: "请选择所属县级人民政府" });
    }
  }
  const clash = await prisma.organization.findFirst({
    where: { OR: [{ slug: input.slug }, ...(input.code ? [{ code: input.code }] : []), ...(input.regionCode ? [{ regionCode: input.regionCode }] : [])] },
  });
  if (clash) {
    throw new AppError("CONFLICT", clash.slug === input.slug ? "网址标识已被使用" : clash.code && clash.code === input.code ? "机构代码已被使用" : "行政区划代码已被使用");
  }
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: { ...input, parentId: input.kind === "COUNTY_GOVERNMENT" ? null : input.parentId },
      select: { id: true },
    });
    await auditActorEvent(tx, actor, "organization.create", { type: "organization", id: organization.id }, { name: input.name, slug: input.slug });
    return organization;
  });
}
