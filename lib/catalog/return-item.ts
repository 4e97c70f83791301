// 待审核 → 草稿 with the reviewer's comment, shown to the clerk on the draft.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { transitionItem } from "./catalog-steps";
import type { ZReturnCatalogItemInput } from "./schemas";

export function returnCatalogItem(actor: Actor | null, input: z.output<typeof ZReturnCatalogItemInput>, prisma: PrismaClient = db()) {
  return transitionItem(prisma, actor, input, {
    name: "return",
    data: () => ({ status: "DRAFT", returnComment: input.comment }),
    detail: { comment: input.comment },
  });
}
