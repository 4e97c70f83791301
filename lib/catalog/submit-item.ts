// 草稿 → 待审核 (by the unit's clerk), and back again (撤回) before review.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { transitionItem } from "./catalog-steps";
import type { ZCatalogItemRef } from "./schemas";

export async function submitCatalogItem(actorOrNull: Actor | null, input: z.output<typeof ZCatalogItemRef>, prisma: PrismaClient = db()) {
  const actor = requireActor(actorOrNull);
  return transitionItem(prisma, actor, input, "submit", { status: "SUBMITTED", submittedById: actor.accountId, returnComment: null });
}

export async function withdrawCatalogItem(actorOrNull: Actor | null, input: z.output<typeof ZCatalogItemRef>, prisma: PrismaClient = db()) {
  return transitionItem(prisma, requireActor(actorOrNull), input, "withdraw", { status: "DRAFT" });
}
