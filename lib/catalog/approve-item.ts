// 待审核 → 已发布: the reviewer's approval publishes the item, stamping its
// 索引号 and 发布日期 in the same transaction. Whoever drafted, edited or
// submitted the item cannot approve it; of two reviewers at once, one wins.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { allocateIndexNumber } from "@/lib/publication/index-number";
import { itemAlreadyHandled, runCatalogStep } from "./catalog-steps";
import { yearInChina } from "./china-time";
import type { ZCatalogItemRef } from "./schemas";

export async function approveCatalogItem(
  actorOrNull: Actor | null,
  input: z.output<typeof ZCatalogItemRef>,
  prisma: PrismaClient = db(),
): Promise<{ indexNumber: string }> {
  const actor = requireActor(actorOrNull);
  // Who may approve, and who may not because they helped write it: the steps table (catalog-steps.ts).
  return runCatalogStep(prisma, actor, input.itemId, "approve", async (tx, item) => {
    if (item.version !== input.baseVersion) throw itemAlreadyHandled();
    // An item brought over from the old portal keeps its original 发布日期.
    const publishedAt = item.publishedAt ?? new Date();
    const indexNumber = await allocateIndexNumber(tx, item.organization, yearInChina(publishedAt));
    await tx.catalogItem.update({
      where: { id: item.id },
      data: { status: "PUBLISHED", publishedAt, indexNumber, publishedById: actor.accountId, version: { increment: 1 } },
    });
    return { result: { indexNumber }, detail: { indexNumber, publishedAt: publishedAt.toISOString() } };
  });
}
