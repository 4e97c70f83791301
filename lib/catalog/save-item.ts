// A clerk saves a draft. The save names the version it was based on: a save
// on top of someone else's newer one is refused and the form keeps the text.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { runCatalogStep } from "./catalog-steps";
import { fieldsOf, itemData } from "./item-helpers";
import type { ZSaveCatalogItemInput } from "./schemas";

export async function saveCatalogItem(
  actorOrNull: Actor | null,
  input: z.output<typeof ZSaveCatalogItemInput>,
  prisma: PrismaClient = db(),
): Promise<{ version: number }> {
  const actor = requireActor(actorOrNull);
  return runCatalogStep(prisma, actor, input.itemId, "save", async (tx, item) => {
    if (item.version !== input.baseVersion) {
      throw new AppError("CONFLICT", "该信息在您打开后已被他人修改；您填写的内容仍在表单中，请复制保存后刷新页面再合并");
    }
    await tx.catalogItem.update({
      where: { id: item.id },
      data: { ...itemData(fieldsOf(input)), version: { increment: 1 }, lastEditedById: actor.accountId },
    });
    return { result: { version: input.baseVersion + 1 }, detail: { version: input.baseVersion + 1 } };
  });
}
