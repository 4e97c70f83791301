// 有效性 of a published item: the reviewer records that it was repealed
// (已废止) or expired (已失效), with the date — or corrects that record. The
// item stays public; only its validity changes, and the change is audited.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { itemAlreadyHandled, runCatalogStep } from "./catalog-steps";
import { dateOnly } from "./china-time";
import type { ZChangeValidityInput } from "./schemas";

export async function changeCatalogItemValidity(
  actorOrNull: Actor | null,
  input: z.output<typeof ZChangeValidityInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  await runCatalogStep(prisma, actor, input.itemId, "changeValidity", async (tx, item) => {
    // Pinned to the version the reviewer read: of two changes at once, one wins
    // and the audit's "before" is what that reviewer saw.
    if (item.version !== input.baseVersion) throw itemAlreadyHandled();
    await tx.catalogItem.update({
      where: { id: item.id },
      data: { validity: input.validity, validityEndedOn: input.validityEndedOn ? dateOnly(input.validityEndedOn) : null, version: { increment: 1 } },
    });
    return {
      result: undefined,
      detail: {
        before: { validity: item.validity, endedOn: item.validityEndedOn?.toISOString().slice(0, 10) ?? null },
        after: { validity: input.validity, endedOn: input.validityEndedOn || null },
      },
    };
  });
}
