// Adding, removing and reading an item's attachments. Files may change only
// while the item is a draft, by the unit's clerk; a published item's files
// are public, a draft's only for the unit's staff.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { auditRefusal } from "@/lib/audit/actor-audit";
import { db } from "@/lib/db/client";
import { attachmentEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { canReadUnpublished } from "@/lib/organizations/unit-roles";
import { attachmentTypeOf, checkAttachment } from "./attachment-types";
import { openAttachmentBytes, removeAttachmentBytes, storeAttachmentBytes } from "./attachment-storage";
import { CATALOG_OBJECT, checkCatalogStep, runCatalogStep } from "./catalog-steps";

export const MAX_ATTACHMENTS_PER_ITEM = 20;

/**
 * A file is part of the draft: whoever adds or removes one helped write it
 * (separation of duties). The text's version is left alone, so an open edit
 * form still saves.
 */
function markDraftEditedBy(tx: Prisma.TransactionClient, itemId: string, accountId: string) {
  return tx.catalogItem.update({ where: { id: itemId }, data: { lastEditedById: accountId } });
}

export async function addCatalogAttachment(
  actorOrNull: Actor | null,
  input: { itemId: string; fileName: string; bytes: Uint8Array },
  prisma: PrismaClient = db(),
): Promise<{ attachmentId: string }> {
  const actor = requireActor(actorOrNull);
  // Asked before the file is looked at and written; asked again, under the row lock, when it is recorded.
  const item = await checkCatalogStep(prisma, actor, input.itemId, "attach");
  const fileName = input.fileName.normalize("NFC").replace(/^.*[\\/]/, "").trim().slice(0, 200);
  const check = checkAttachment(fileName, input.bytes.byteLength, input.bytes.subarray(0, 16), attachmentEnv().ATTACHMENT_MAX_BYTES);
  if (!check.ok) {
    await auditRefusal(prisma, actor, "catalog.attach", { type: CATALOG_OBJECT, id: item.id }, "invalid-file");
    throw new AppError("INVALID", check.message, { file: check.message });
  }
  const id = randomUUID();
  await storeAttachmentBytes(id, input.bytes);
  try {
    // The row lock also means two uploads cannot both pass the file limit.
    await runCatalogStep(prisma, actor, item.id, "attach", async (tx) => {
      if ((await tx.catalogAttachment.count({ where: { itemId: item.id } })) >= MAX_ATTACHMENTS_PER_ITEM) {
        throw new AppError("INVALID", `每条信息最多${MAX_ATTACHMENTS_PER_ITEM}个附件`);
      }
      await markDraftEditedBy(tx, item.id, actor.accountId);
      await tx.catalogAttachment.create({
        data: {
          id,
          itemId: item.id,
          fileName,
          extension: check.type.extension,
          size: input.bytes.byteLength,
          sha256: createHash("sha256").update(input.bytes).digest("hex"),
        },
      });
      return { result: undefined, detail: { attachment: id, fileName, size: input.bytes.byteLength } };
    });
  } catch (error) {
    await removeAttachmentBytes(id);
    throw error;
  }
  return { attachmentId: id };
}

export async function removeCatalogAttachment(
  actorOrNull: Actor | null,
  input: { attachmentId: string },
  prisma: PrismaClient = db(),
): Promise<void> {
  const actor = requireActor(actorOrNull);
  const attachment = await prisma.catalogAttachment.findUnique({ where: { id: input.attachmentId } });
  if (!attachment) throw new AppError("NOT_FOUND", "未找到该附件");
  await runCatalogStep(prisma, actor, attachment.itemId, "detach", async (tx, item) => {
    await markDraftEditedBy(tx, item.id, actor.accountId);
    await tx.catalogAttachment.delete({ where: { id: attachment.id } });
    return { result: undefined, detail: { attachment: attachment.id, fileName: attachment.fileName } };
  });
  await removeAttachmentBytes(attachment.id);
}

/** An attachment for download, if the reader may have it: null otherwise (a 404 either way). */
export async function openAttachmentForReader(actor: Actor | null, attachmentId: string, prisma: PrismaClient = db()) {
  const attachment = await prisma.catalogAttachment.findUnique({
    where: { id: attachmentId },
    include: { item: { select: { status: true, organization: { select: { id: true, parentId: true, ancestorIds: true } } } } },
  });
  if (!attachment) return null;
  const readable = attachment.item.status === "PUBLISHED" || (actor !== null && canReadUnpublished(actor, attachment.item.organization));
  const type = attachmentTypeOf(attachment.extension);
  if (!readable || !type) return null;
  const bytes = await openAttachmentBytes(attachment.id);
  return bytes ? { fileName: attachment.fileName, contentType: type.contentType, ...bytes } : null;
}
