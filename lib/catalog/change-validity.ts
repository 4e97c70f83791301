// 有效性 of a published item: the reviewer records that it was repealed
// (已废止) or expired (已失效), with the date — or corrects that record. The
// item stays public; only its validity changes, and the change is audited.
import { guardCatalogStep } from "./catalog-steps";
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dateOnly } from "./china-time";
import { auditItem, itemAlreadyHandled } from "./item-helpers";
import type { ZChangeValidityInput } from "./schemas";

export async function changeCatalogItemValidity(
  actorOrNull: Actor | null,
  input: z.output<typeof ZChangeValidityInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const item = await guardCatalogStep(prisma, actor, input.itemId, "changeValidity");
  const validityEndedOn = input.validityEndedOn ? dateOnly(input.validityEndedOn) : null;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.catalogItem.updateMany({
      // Pinned to the version the reviewer read: of two changes at once, one wins
      // and the audit's "before" is what that reviewer saw.
      where: { id: item.id, status: "PUBLISHED", version: input.baseVersion },
      data: { validity: input.validity, validityEndedOn, version: { increment: 1 } },
    });
    if (count === 0) throw itemAlreadyHandled();
    await auditItem(tx, actor, "catalog.validity", item.id, {
      before: { validity: item.validity, endedOn: item.validityEndedOn?.toISOString().slice(0, 10) ?? null },
      after: { validity: input.validity, endedOn: input.validityEndedOn || null },
    });
  });
}
