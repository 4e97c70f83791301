// 待审核 → 草稿 with the reviewer's comment, shown to the clerk on the draft.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { canReviewReportsOf } from "@/lib/reports/permissions";
import { auditItem, CATALOG_OBJECT, itemAlreadyHandled, loadItem, refuseItem } from "./item-helpers";
import type { ZReturnCatalogItemInput } from "./schemas";

export async function returnCatalogItem(
  actorOrNull: Actor | null,
  input: z.output<typeof ZReturnCatalogItemInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const item = await loadItem(prisma, input.itemId);
  if (!canReviewReportsOf(actor, item.organization)) {
    return refuseItem(prisma, actor, "catalog.return", { type: CATALOG_OBJECT, id: item.id }, "forbidden", "只有本单位的审核人可以退回");
  }
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.catalogItem.updateMany({
      where: { id: item.id, status: "SUBMITTED", version: input.baseVersion },
      data: { status: "DRAFT", returnComment: input.comment, version: { increment: 1 } },
    });
    if (count === 0) throw itemAlreadyHandled();
    await auditItem(tx, actor, "catalog.return", item.id, { comment: input.comment });
  });
}
