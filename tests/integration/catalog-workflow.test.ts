import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { approveCatalogItem } from "@/lib/catalog/approve-item";
import { changeCatalogItemValidity } from "@/lib/catalog/change-validity";
import { createCatalogItem } from "@/lib/catalog/create-item";
import { getPublishedItem, listPublishedItems } from "@/lib/catalog/public-queries";
import { returnCatalogItem } from "@/lib/catalog/return-item";
import { saveCatalogItem } from "@/lib/catalog/save-item";
import { submitCatalogItem } from "@/lib/catalog/submit-item";
import { getWorkspaceItem, listCatalogWorkload, listWorkspaceItems } from "@/lib/catalog/workspace-queries";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { draftItem, itemFields, itemVersion, submittedItem } from "./catalog/catalog-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerk: Actor;
let reviewer: Actor;
let otherClerk: Actor;
let otherReviewer: Actor;

const item = (id: string) => prisma.catalogItem.findUniqueOrThrow({ where: { id } });
const audits = (objectId: string, event: string, result: "success" | "failure") =>
  prisma.auditEvent.count({ where: { objectId, event, result } });

beforeEach(async () => {
  towns = await createCountyWithTownships(prisma);
  clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
  reviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
  otherClerk = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "CLERK" }]);
  otherReviewer = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "REVIEWER" }]);
});

describe("the catalog workflow", () => {
  it("drafts, submits, returns with a comment, resubmits and publishes, each step audited", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    expect(await audits(itemId, "catalog.create", "success")).toBe(1);
    await saveCatalogItem(clerk, { itemId, baseVersion: 1, ...itemFields({ title: "关于修改后的通知" }) }, prisma);
    await submitCatalogItem(clerk, { itemId, baseVersion: 2 }, prisma);
    await returnCatalogItem(reviewer, { itemId, baseVersion: 3, comment: "请补充文号" }, prisma);
    expect(await item(itemId)).toMatchObject({ status: "DRAFT", returnComment: "请补充文号" });
    expect((await getWorkspaceItem(clerk, itemId, prisma)).returnComment).toBe("请补充文号");

    await submitCatalogItem(clerk, { itemId, baseVersion: 4 }, prisma);
    const { indexNumber } = await approveCatalogItem(reviewer, { itemId, baseVersion: 5 }, prisma);
    expect(indexNumber).toMatch(/^TOWN-[0-9A-F]+\/\d{4}-00001$/);
    expect(await item(itemId)).toMatchObject({ status: "PUBLISHED", indexNumber, publishedById: reviewer.accountId });
    for (const event of ["catalog.save", "catalog.return", "catalog.publish"]) expect(await audits(itemId, event, "success")).toBe(1);
    expect(await audits(itemId, "catalog.submit", "success")).toBe(2);
    expect(await getPublishedItem(towns.townA.slug, itemId, prisma)).toMatchObject({ title: "关于修改后的通知", indexNumber });
  });

  it("shares the 索引号 sequence with the unit's reports: one serial per publication per year", async () => {
    const people = { clerk, reviewer };
    const first = await submittedItem(prisma, people.clerk, towns.townA.id);
    const second = await submittedItem(prisma, people.clerk, towns.townA.id);
    const a = await approveCatalogItem(reviewer, { itemId: first, baseVersion: await itemVersion(prisma, first) }, prisma);
    const b = await approveCatalogItem(reviewer, { itemId: second, baseVersion: await itemVersion(prisma, second) }, prisma);
    expect([a.indexNumber.slice(-5), b.indexNumber.slice(-5)]).toEqual(["00001", "00002"]);
    const serial = await prisma.indexSerial.findFirstOrThrow({ where: { organizationId: towns.townA.id } });
    expect(serial.lastSerial).toBe(2);
  });

  it("keeps drafts and items awaiting review off every public route", async () => {
    const draft = await draftItem(prisma, clerk, towns.townA.id, { title: "尚未公开的草稿标题" });
    const submitted = await submittedItem(prisma, clerk, towns.townA.id, { title: "尚未公开的待审标题" });
    for (const id of [draft, submitted]) expect(await getPublishedItem(towns.townA.slug, id, prisma)).toBeNull();
    const listed = await listPublishedItems(towns.townA.id, { q: "尚未公开" }, {}, prisma);
    expect(listed.items).toEqual([]);
  });

  it("refuses a save on top of someone else's newer save", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    await saveCatalogItem(clerk, { itemId, baseVersion: 1, ...itemFields({ title: "第一个人的标题" }) }, prisma);
    await expect(saveCatalogItem(clerk, { itemId, baseVersion: 1, ...itemFields({ title: "第二个人的标题" }) }, prisma)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await item(itemId)).title).toBe("第一个人的标题");
  });

  it("lets exactly one of two reviewers approving at once publish the item", async () => {
    const secondReviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
    const itemId = await submittedItem(prisma, clerk, towns.townA.id);
    const baseVersion = await itemVersion(prisma, itemId);
    const results = await Promise.allSettled([
      approveCatalogItem(reviewer, { itemId, baseVersion }, prisma),
      approveCatalogItem(secondReviewer, { itemId, baseVersion }, prisma),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await audits(itemId, "catalog.publish", "success")).toBe(1);
  });
});

describe("who may do what with catalog items", () => {
  it("hides another township's drafts from its clerks and reviewers", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    await expect(getWorkspaceItem(otherClerk, itemId, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listWorkspaceItems(otherReviewer, towns.townA.id, { status: "DRAFT" }, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists each unit's work for its own staff and for the county's 主管部门, never another township's", async () => {
    const draft = await draftItem(prisma, clerk, towns.townA.id);
    const submitted = await submittedItem(prisma, clerk, towns.townA.id);
    const published = await submittedItem(prisma, clerk, towns.townA.id);
    await approveCatalogItem(reviewer, { itemId: published, baseVersion: await itemVersion(prisma, published) }, prisma);
    const otherDraft = await draftItem(prisma, otherClerk, towns.townB.id);
    const ids = (work: Awaited<ReturnType<typeof listCatalogWorkload>>) =>
      work.map(({ org, submitted, drafts, published }) => [org.id, submitted.map((i) => i.id), drafts.map((i) => i.id), published.map((i) => i.id)]);

    expect(ids(await listCatalogWorkload(reviewer, prisma))).toEqual([[towns.townA.id, [submitted], [draft], [published]]]);
    expect(ids(await listCatalogWorkload(otherClerk, prisma))).toEqual([[towns.townB.id, [], [otherDraft], []]]);
    const supervisor = await signedInActor(prisma, [{ organizationId: towns.county.id, role: "SUPERVISOR" }]);
    const county = ids(await listCatalogWorkload(supervisor, prisma));
    expect(county).toContainEqual([towns.townA.id, [submitted], [draft], [published]]);
    expect(county).toContainEqual([towns.townB.id, [], [otherDraft], []]);
  });

  it("refuses another township's clerk any change, audits the refusal and changes nothing", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id, { title: "甲镇的草稿" });
    await expect(saveCatalogItem(otherClerk, { itemId, baseVersion: 1, ...itemFields({ title: "乙镇改的" }) }, prisma)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(submitCatalogItem(otherClerk, { itemId, baseVersion: 1 }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createCatalogItem(otherClerk, { organizationId: towns.townA.id, ...itemFields() }, prisma)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await item(itemId)).toMatchObject({ title: "甲镇的草稿", status: "DRAFT", version: 1 });
    expect(await audits(itemId, "catalog.save", "failure")).toBe(1);
    expect(await audits(itemId, "catalog.submit", "failure")).toBe(1);
    expect(await audits(towns.townA.id, "catalog.create", "failure")).toBe(1);
  });

  it("refuses approval to a clerk and to another township's reviewer", async () => {
    const itemId = await submittedItem(prisma, clerk, towns.townA.id);
    const baseVersion = await itemVersion(prisma, itemId);
    await expect(approveCatalogItem(clerk, { itemId, baseVersion }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveCatalogItem(otherReviewer, { itemId, baseVersion }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(returnCatalogItem(otherReviewer, { itemId, baseVersion, comment: "不行" }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await item(itemId)).status).toBe("SUBMITTED");
    expect(await audits(itemId, "catalog.approve", "failure")).toBe(2);
  });

  it("does not let a reviewer approve an item they drafted or edited", async () => {
    const both = await signedInActor(prisma, [
      { organizationId: towns.townA.id, role: "CLERK" },
      { organizationId: towns.townA.id, role: "REVIEWER" },
    ]);
    const drafted = await draftItem(prisma, both, towns.townA.id);
    // Someone else submits it: the drafter still may not approve.
    await submitCatalogItem(clerk, { itemId: drafted, baseVersion: 1 }, prisma);
    await expect(approveCatalogItem(both, { itemId: drafted, baseVersion: 2 }, prisma)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "起草、修改或提交该信息的人不能审核发布",
    });
    expect(await audits(drafted, "catalog.approve", "failure")).toBe(1);
    expect((await getWorkspaceItem(both, drafted, prisma)).can.approve).toBe(false);
    await approveCatalogItem(reviewer, { itemId: drafted, baseVersion: 2 }, prisma);
    expect((await item(drafted)).status).toBe("PUBLISHED");
  });

  it("lets only the unit's reviewer record a repeal on a published item", async () => {
    const itemId = await submittedItem(prisma, clerk, towns.townA.id, { category: "normative" });
    await approveCatalogItem(reviewer, { itemId, baseVersion: await itemVersion(prisma, itemId) }, prisma);
    const repeal = { itemId, baseVersion: await itemVersion(prisma, itemId), validity: "REPEALED" as const, validityEndedOn: "2025-03-01" };
    await expect(changeCatalogItemValidity(clerk, repeal, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeCatalogItemValidity(otherReviewer, repeal, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await item(itemId)).validity).toBe("VALID");
    await changeCatalogItemValidity(reviewer, repeal, prisma);
    expect(await item(itemId)).toMatchObject({ validity: "REPEALED", validityEndedOn: new Date("2025-03-01T00:00:00Z") });
    expect(await audits(itemId, "catalog.validity", "success")).toBe(1);
    expect(await audits(itemId, "catalog.validity", "failure")).toBe(2);
    // A second change from the same, now stale, reading is refused: nothing is overwritten silently.
    await expect(changeCatalogItemValidity(reviewer, { ...repeal, validity: "EXPIRED" }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await item(itemId)).validity).toBe("REPEALED");
  });
});
