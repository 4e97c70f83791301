// Every catalog data function called by someone who may not: no session, the
// system administrator, the county's 主管部门 (reads, never writes) and another
// township's clerk and reviewer. Each is refused and nothing changes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { approveCatalogItem } from "@/lib/catalog/approve-item";
import { addCatalogAttachment, removeCatalogAttachment } from "@/lib/catalog/attachments";
import { changeCatalogItemValidity } from "@/lib/catalog/change-validity";
import { createCatalogItem } from "@/lib/catalog/create-item";
import { importCatalogItems } from "@/lib/catalog/import/import-items";
import { returnCatalogItem } from "@/lib/catalog/return-item";
import { saveCatalogItem } from "@/lib/catalog/save-item";
import { submitCatalogItem, withdrawCatalogItem } from "@/lib/catalog/submit-item";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { draftItem, itemFields, itemVersion, publishedItem, submittedItem } from "./catalog/catalog-helpers";

const prisma = testPrisma();
const dir = mkdtempSync(path.join(tmpdir(), "nianbao-sweep-"));
afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  rmSync(dir, { recursive: true, force: true });
  await prisma.$disconnect();
});

let townA: string;
let attempts: [string, (actor: Actor | null) => Promise<unknown>][];
let outsiders: [string, Actor][];

const snapshot = async () => ({
  items: await prisma.catalogItem.findMany({ where: { organizationId: townA }, orderBy: { id: "asc" } }),
  attachments: await prisma.catalogAttachment.findMany({ where: { item: { organizationId: townA } }, orderBy: { id: "asc" } }),
});

beforeAll(async () => {
  process.env.ATTACHMENTS_DIR = dir;
  const towns = await createCountyWithTownships(prisma);
  townA = towns.townA.id;
  const clerk = await signedInActor(prisma, [{ organizationId: townA, role: "CLERK" }]);
  const reviewer = await signedInActor(prisma, [{ organizationId: townA, role: "REVIEWER" }]);
  const draft = await draftItem(prisma, clerk, townA);
  const submitted = await submittedItem(prisma, clerk, townA);
  const published = await publishedItem(prisma, { clerk, reviewer }, townA, { category: "normative" });
  const pdf = new TextEncoder().encode("%PDF-1.7\n");
  const { attachmentId } = await addCatalogAttachment(clerk, { itemId: draft, fileName: "a.pdf", bytes: pdf }, prisma);
  const [draftVersion, submittedVersion, publishedVersion] = [
    await itemVersion(prisma, draft),
    await itemVersion(prisma, submitted),
    await itemVersion(prisma, published),
  ];
  const csv = new TextEncoder().encode("标题,信息类别\n越权导入,工作动态\n");
  attempts = [
    ["create", (a) => createCatalogItem(a, { organizationId: townA, ...itemFields() }, prisma)],
    ["save", (a) => saveCatalogItem(a, { itemId: draft, baseVersion: draftVersion, ...itemFields({ title: "改" + "过" }) }, prisma)],
    ["submit", (a) => submitCatalogItem(a, { itemId: draft, baseVersion: draftVersion }, prisma)],
    ["withdraw", (a) => withdrawCatalogItem(a, { itemId: submitted, baseVersion: submittedVersion }, prisma)],
    ["return", (a) => returnCatalogItem(a, { itemId: submitted, baseVersion: submittedVersion, comment: "退回" }, prisma)],
    ["approve", (a) => approveCatalogItem(a, { itemId: submitted, baseVersion: submittedVersion }, prisma)],
    ["validity", (a) => changeCatalogItemValidity(a, { itemId: published, baseVersion: publishedVersion, validity: "REPEALED", validityEndedOn: "2025-01-01" }, prisma)],
    ["attach", (a) => addCatalogAttachment(a, { itemId: draft, fileName: "b.pdf", bytes: pdf }, prisma)],
    ["detach", (a) => removeCatalogAttachment(a, { attachmentId }, prisma)],
    ["import", (a) => importCatalogItems(a, { organizationId: townA, fileName: "a.csv", bytes: csv }, prisma)],
  ];
  outsiders = [
    ["administrator", await signedInActor(prisma, [], { isSystemAdmin: true })],
    ["county supervisor", await signedInActor(prisma, [{ organizationId: towns.county.id, role: "SUPERVISOR" }])],
    ["the county's regional administrator", await signedInActor(prisma, [{ organizationId: towns.county.id, role: "ADMINISTRATOR" }])],
    ["other clerk", await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "CLERK" }])],
    ["other reviewer", await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "REVIEWER" }])],
  ];
});

describe("catalog access sweep", () => {
  it("refuses every step without a session, and to every outsider, and changes nothing", async () => {
    const before = await snapshot();
    for (const [name, attempt] of attempts) {
      await expect(attempt(null), `${name} without a session`).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      for (const [who, actor] of outsiders) {
        await expect(attempt(actor), `${name} by the ${who}`).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
