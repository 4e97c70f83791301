// 待审核 → 草稿 with the reviewer's comment, shown to the clerk on the draft.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { canReviewReportsOf } from "@/lib/reports/permissions";
import { transitionItem } from "./item-helpers";
import type { ZReturnCatalogItemInput } from "./schemas";

export function returnCatalogItem(actor: Actor | null, input: z.output<typeof ZReturnCatalogItemInput>, prisma: PrismaClient = db()) {
  return transitionItem(prisma, actor, input, {
    event: "catalog.return",
    allowed: canReviewReportsOf,
    refusal: "只有本单位的审核人可以退回",
    from: "SUBMITTED",
    data: () => ({ status: "DRAFT", returnComment: input.comment }),
    detail: { comment: input.comment },
  });
}
