// Creating catalog items through the real workflow for the catalog tests.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { approveCatalogItem } from "@/lib/catalog/approve-item";
import { changeCatalogItemValidity } from "@/lib/catalog/change-validity";
import { createCatalogItem } from "@/lib/catalog/create-item";
import type { TCatalogItemFields } from "@/lib/catalog/schemas";
import { submitCatalogItem } from "@/lib/catalog/submit-item";

export function itemFields(overrides: Partial<TCatalogItemFields> = {}): TCatalogItemFields {
  return {
    title: "关于测试事项的通知",
    body: "第一段。\n\n第二段。",
    category: "notice",
    subject: "综合政务",
    documentNumber: "",
    issuer: "测试县甲镇人民政府",
    writtenOn: "",
    originalPublishedAt: "",
    validity: "VALID",
    validityEndedOn: "",
    ...overrides,
  };
}

const version = async (prisma: PrismaClient, itemId: string) =>
  (await prisma.catalogItem.findUniqueOrThrow({ where: { id: itemId } })).version;

export async function draftItem(prisma: PrismaClient, clerk: Actor, organizationId: string, overrides: Partial<TCatalogItemFields> = {}) {
  return (await createCatalogItem(clerk, { organizationId, ...itemFields(overrides) }, prisma)).itemId;
}

export async function submittedItem(prisma: PrismaClient, clerk: Actor, organizationId: string, overrides: Partial<TCatalogItemFields> = {}) {
  const itemId = await draftItem(prisma, clerk, organizationId, overrides);
  await submitCatalogItem(clerk, { itemId, baseVersion: await version(prisma, itemId) }, prisma);
  return itemId;
}

/** Drafted, submitted and approved; optionally repealed or expired afterwards. */
export async function publishedItem(
  prisma: PrismaClient,
  people: { clerk: Actor; reviewer: Actor },
  organizationId: string,
  overrides: Partial<TCatalogItemFields> & { endedAs?: { validity: "REPEALED" | "EXPIRED"; on: string } } = {},
) {
  const { endedAs, ...fields } = overrides;
  const itemId = await submittedItem(prisma, people.clerk, organizationId, fields);
  await approveCatalogItem(people.reviewer, { itemId, baseVersion: await version(prisma, itemId) }, prisma);
  if (endedAs) {
    await changeCatalogItemValidity(
      people.reviewer,
      { itemId, baseVersion: await version(prisma, itemId), validity: endedAs.validity, validityEndedOn: endedAs.on },
      prisma,
    );
  }
  return itemId;
}

export { version as itemVersion };
