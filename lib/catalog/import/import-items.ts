// Bulk import: every acceptable row becomes a draft (草稿) of the unit — it
// still needs a reviewer's approval to be public — and every refused row is
// reported with its number and reasons. Nothing is imported when the file as
// a whole is unreadable; accepted rows are imported together or not at all.
import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canDraft } from "@/lib/organizations/unit-roles";
import { actorEventInput, auditActorEvent } from "@/lib/audit/actor-audit";
import { recordAuditEvents } from "@/lib/db/audit-rows";
import { CATALOG_OBJECT } from "../catalog-steps";
import { itemData, refuseItem } from "../item-helpers";
import { refuseRepeatedDocumentNumbers } from "./import-rows";
import { checkImportFileOffThread } from "./read-off-thread";

export interface ImportReport {
  imported: number;
  refused: { row: number; reasons: string[] }[];
}

const INSERT_BATCH = 250;

export async function importCatalogItems(
  actorOrNull: Actor | null,
  input: { organizationId: string; fileName: string; bytes: Uint8Array },
  prisma: PrismaClient = db(),
): Promise<ImportReport> {
  const actor = requireActor(actorOrNull);
  const organization = await prisma.organization.findUnique({ where: { id: input.organizationId } });
  if (!organization || !canDraft(actor, organization)) {
    return refuseItem(prisma, actor, "catalog.import-file", { type: "organization", id: input.organizationId }, "forbidden", "您无权为该机构导入信息");
  }
  const check = await checkImportFileOffThread(input.fileName, input.bytes, { issuer: organization.name });
  if (check.fileError) throw new AppError("INVALID", check.fileError);
  const numbers = check.rows.flatMap((r) => (r.ok && r.fields.documentNumber ? [r.fields.documentNumber] : []));
  const existing = await prisma.catalogItem.findMany({
    where: { organizationId: organization.id, documentNumber: { in: numbers } },
    select: { documentNumber: true },
  });
  const rows = refuseRepeatedDocumentNumbers(check.rows, new Set(existing.map((e) => e.documentNumber)));
  const accepted = rows.flatMap((r) => (r.ok ? [r] : []));
  const refused = rows.flatMap((r) => (r.ok ? [] : [{ row: r.row, reasons: r.reasons }]));

  await prisma.$transaction(
    async (tx) => {
      // In batches, yielding between them: one transaction still, but other
      // requests are answered while thousands of rows go in.
      const items = accepted.map((row) => ({ id: randomUUID(), row: row.row, data: itemData(row.fields) }));
      for (let start = 0; start < items.length; start += INSERT_BATCH) {
        const batch = items.slice(start, start + INSERT_BATCH);
        await tx.catalogItem.createMany({
          data: batch.map(({ id, data }) => ({ id, organizationId: organization.id, ...data, lastEditedById: actor.accountId })),
        });
        await recordAuditEvents(
          tx,
          batch.map(({ id, row }) => actorEventInput(actor, "catalog.import", { type: CATALOG_OBJECT, id }, { file: input.fileName, row })),
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
      await auditActorEvent(tx, actor, "catalog.import-file", { type: "organization", id: organization.id }, {
        file: input.fileName,
        imported: accepted.length,
        refused: refused.map((r) => r.row),
      });
    },
    { timeout: 120_000 },
  );
  return { imported: accepted.length, refused };
}
