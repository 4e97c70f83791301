// 草稿 → 待审核 (by the unit's clerk), and back again (撤回) before review.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { canEditReportsOf } from "@/lib/reports/permissions";
import { auditItem, CATALOG_OBJECT, itemAlreadyHandled, loadItem, refuseItem } from "./item-helpers";
import type { ZCatalogItemRef } from "./schemas";

export async function submitCatalogItem(
  actorOrNull: Actor | null,
  input: z.output<typeof ZCatalogItemRef>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const item = await loadItem(prisma, input.itemId);
  if (!canEditReportsOf(actor, item.organization)) {
    return refuseItem(prisma, actor, "catalog.submit", { type: CATALOG_OBJECT, id: item.id }, "forbidden", "只有本单位的填报人可以提交");
  }
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.catalogItem.updateMany({
      where: { id: item.id, status: "DRAFT", version: input.baseVersion },
      data: { status: "SUBMITTED", submittedById: actor.accountId, returnComment: null, version: { increment: 1 } },
    });
    if (count === 0) throw itemAlreadyHandled();
    await auditItem(tx, actor, "catalog.submit", item.id);
  });
}

export async function withdrawCatalogItem(
  actorOrNull: Actor | null,
  input: z.output<typeof ZCatalogItemRef>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const item = await loadItem(prisma, input.itemId);
  if (!canEditReportsOf(actor, item.organization)) {
    return refuseItem(prisma, actor, "catalog.withdraw", { type: CATALOG_OBJECT, id: item.id }, "forbidden", "只有本单位的填报人可以撤回");
  }
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.catalogItem.updateMany({
      where: { id: item.id, status: "SUBMITTED", version: input.baseVersion },
      data: { status: "DRAFT", version: { increment: 1 } },
    });
    if (count === 0) throw itemAlreadyHandled();
    await auditItem(tx, actor, "catalog.withdraw", item.id);
  });
}
