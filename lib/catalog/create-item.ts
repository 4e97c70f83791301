// A clerk starts a catalog item for their organization, as a draft.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { canDraft } from "@/lib/organizations/unit-roles";
import { auditActorEvent } from "@/lib/audit/actor-audit";
import { CATALOG_OBJECT } from "./catalog-steps";
import { fieldsOf, itemData, refuseItem } from "./item-helpers";
import type { ZCreateCatalogItemInput } from "./schemas";

export async function createCatalogItem(
  actorOrNull: Actor | null,
  input: z.output<typeof ZCreateCatalogItemInput>,
  prisma: PrismaClient = db(),
): Promise<{ itemId: string }> {
  const actor = requireActor(actorOrNull);
  const organization = await prisma.organization.findUnique({ where: { id: input.organizationId } });
  if (!organization || !canDraft(actor, organization)) {
    return refuseItem(prisma, actor, "catalog.create", { type: "organization", id: input.organizationId }, "forbidden", "您无权为该机构发布信息");
  }
  return prisma.$transaction(async (tx) => {
    const item = await tx.catalogItem.create({
      data: { organizationId: organization.id, ...itemData(fieldsOf(input)), lastEditedById: actor.accountId },
    });
    await auditActorEvent(tx, actor, "catalog.create", { type: CATALOG_OBJECT, id: item.id }, { organization: organization.slug, title: item.title });
    return { itemId: item.id };
  });
}
