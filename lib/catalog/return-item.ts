// 待审核 → 草稿 with the reviewer's comment, shown to the clerk on the draft.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { transitionItem } from "./catalog-steps";
import type { ZReturnCatalogItemInput } from "./schemas";

export async function returnCatalogItem(actorOrNull: Actor | null, input: z.output<typeof ZReturnCatalogItemInput>, prisma: PrismaClient = db()) {
  return transitionItem(prisma, requireActor(actorOrNull), input, "return", { status: "DRAFT", returnComment: input.comment }, {
    comment: input.comment,
  });
}
