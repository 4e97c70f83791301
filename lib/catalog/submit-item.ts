// 草稿 → 待审核 (by the unit's clerk), and back again (撤回) before review.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { transitionItem } from "./catalog-steps";
import type { ZCatalogItemRef } from "./schemas";

export function submitCatalogItem(actor: Actor | null, input: z.output<typeof ZCatalogItemRef>, prisma: PrismaClient = db()) {
  return transitionItem(prisma, actor, input, {
    name: "submit",
    data: (actorId) => ({ status: "SUBMITTED", submittedById: actorId, returnComment: null }),
  });
}

export function withdrawCatalogItem(actor: Actor | null, input: z.output<typeof ZCatalogItemRef>, prisma: PrismaClient = db()) {
  return transitionItem(prisma, actor, input, {
    name: "withdraw",
    data: () => ({ status: "DRAFT" }),
  });
}
