// Shared by the catalog's workflow steps: loading an item with its
// organization, the audit row, turning form fields into stored columns, and
// the refusal when someone else got there first.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor } from "@/lib/auth/actor";
import { auditActorEvent, auditRefusal } from "@/lib/audit/actor-audit";
import { AppError } from "@/lib/errors";
import { dateOnly, parseChinaDateTime } from "./china-time";
import type { TCatalogItemFields } from "./schemas";

type Client = PrismaClient | Prisma.TransactionClient;

export const CATALOG_OBJECT = "catalog_item";

export async function loadItem(prisma: Client, itemId: string) {
  const item = await prisma.catalogItem.findUnique({ where: { id: itemId }, include: { organization: true } });
  if (!item) throw new AppError("NOT_FOUND", "未找到该信息");
  return item;
}

export const itemAlreadyHandled = () => new AppError("CONFLICT", "该信息已被他人处理或修改，请刷新后查看最新状态");

/** A catalog step, audited in the step's own transaction. */
export function auditItem(tx: Prisma.TransactionClient, actor: Actor, event: string, itemId: string, detail?: Prisma.InputJsonValue) {
  return auditActorEvent(tx, actor, event, { type: CATALOG_OBJECT, id: itemId }, detail);
}

/** A refused attempt on an item (or, for a new item, on the organization). */
export async function refuseItem(
  prisma: PrismaClient,
  actor: Actor,
  event: string,
  object: { type: string; id: string },
  reason: string,
  message: string,
  code: "FORBIDDEN" | "CONFLICT" | "INVALID" = "FORBIDDEN",
): Promise<never> {
  await auditRefusal(prisma, actor, event, object, reason);
  throw new AppError(code, message);
}

/** The stored columns of the editable fields. */
export function itemData(fields: TCatalogItemFields) {
  return {
    title: fields.title,
    body: fields.body.replace(/\r\n?/g, "\n"),
    category: fields.category,
    subject: fields.subject,
    documentNumber: fields.documentNumber,
    issuer: fields.issuer,
    writtenOn: fields.writtenOn ? dateOnly(fields.writtenOn) : null,
    publishedAt: fields.originalPublishedAt ? parseChinaDateTime(fields.originalPublishedAt) : null,
    validity: fields.validity,
    validityEndedOn: fields.validityEndedOn ? dateOnly(fields.validityEndedOn) : null,
  } satisfies Prisma.CatalogItemUncheckedUpdateInput;
}

/** Pulls the editable fields out of a flat action input. */
export function fieldsOf<T extends TCatalogItemFields>(input: T): TCatalogItemFields {
  const { title, body, category, subject, documentNumber, issuer, writtenOn, originalPublishedAt, validity, validityEndedOn } = input;
  return { title, body, category, subject, documentNumber, issuer, writtenOn, originalPublishedAt, validity, validityEndedOn };
}

/** Events by which someone writes an item's content. */
const WRITING_EVENTS = ["catalog.create", "catalog.save", "catalog.import", "catalog.attach", "catalog.detach"];

/**
 * Whoever drafted, edited, submitted or changed the files of an item helped
 * write it, and may not approve it (separation of duties).
 */
export async function helpedWrite(
  prisma: Client,
  actor: Actor,
  item: { id: string; submittedById: string | null; lastEditedById: string | null },
): Promise<boolean> {
  if (item.submittedById === actor.accountId || item.lastEditedById === actor.accountId) return true;
  const writes = await prisma.auditEvent.count({
    where: { objectType: CATALOG_OBJECT, objectId: item.id, event: { in: WRITING_EVENTS }, result: "success", actor: actor.username },
  });
  return writes > 0;
}
