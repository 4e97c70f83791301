// A clerk saves a draft. The save names the version it was based on: a save
// on top of someone else's newer one is refused and the form keeps the text.
import { guardCatalogStep } from "./catalog-steps";
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditItem, fieldsOf, itemData } from "./item-helpers";
import type { ZSaveCatalogItemInput } from "./schemas";

export async function saveCatalogItem(
  actorOrNull: Actor | null,
  input: z.output<typeof ZSaveCatalogItemInput>,
  prisma: PrismaClient = db(),
): Promise<{ version: number }> {
  const actor = requireActor(actorOrNull);
  const item = await guardCatalogStep(prisma, actor, input.itemId, "save");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.catalogItem.updateMany({
      where: { id: item.id, status: "DRAFT", version: input.baseVersion },
      data: { ...itemData(fieldsOf(input)), version: { increment: 1 }, lastEditedById: actor.accountId },
    });
    if (count === 0) throw new AppError("CONFLICT", "该信息在您打开后已被他人修改；您填写的内容仍在表单中，请复制保存后刷新页面再合并");
    await auditItem(tx, actor, "catalog.save", item.id, { version: input.baseVersion + 1 });
    return { version: input.baseVersion + 1 };
  });
}
