// Shared by the catalog's writes outside the steps table (creating and
// importing items for an organization): the refusal, and turning form fields
// into stored columns.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor } from "@/lib/auth/actor";
import { auditRefusal } from "@/lib/audit/actor-audit";
import { AppError } from "@/lib/errors";
import { dateOnly, parseChinaDateTime } from "./china-time";
import type { TCatalogItemFields } from "./schemas";


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
