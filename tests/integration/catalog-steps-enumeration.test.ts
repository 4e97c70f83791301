// Roles × states × separation of duties for catalog items: the steps the item
// page offers are exactly the steps the server's guard lets through
// (lib/catalog/catalog-steps.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { catalogSteps, checkCatalogStep, type CatalogStep } from "@/lib/catalog/catalog-steps";
import { getWorkspaceItem } from "@/lib/catalog/workspace-queries";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { draftItem, publishedItem, submittedItem } from "./catalog/catalog-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const items: [string, string][] = [];
const actors: [string, Actor][] = [];

beforeAll(async () => {
  const { county, townA } = await createCountyWithTownships(prisma);
  const other = await createCountyWithTownships(prisma);
  // The author holds both roles: the separation-of-duties case.
  const author = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }, { organizationId: townA.id, role: "REVIEWER" }]);
  const reviewer = await signedInActor(prisma, [{ organizationId: townA.id, role: "REVIEWER" }]);
  items.push(
    ["DRAFT", await draftItem(prisma, author, townA.id)],
    ["SUBMITTED", await submittedItem(prisma, author, townA.id)],
    ["PUBLISHED", await publishedItem(prisma, { clerk: author, reviewer }, townA.id)],
  );
  actors.push(
    ["author (填报人 and 审核人)", author],
    ["reviewer", reviewer],
    ["another clerk of the unit", await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }])],
    ["county supervisor", await signedInActor(prisma, [{ organizationId: county.id, role: "SUPERVISOR" }])],
    ["administrator", await signedInActor(prisma, [], { isSystemAdmin: true })],
    ["another county's clerk", await signedInActor(prisma, [{ organizationId: other.townA.id, role: "CLERK" }])],
  );
}, 60_000);

async function offered(actor: Actor, itemId: string) {
  const item = await getWorkspaceItem(actor, itemId, prisma).catch(() => null);
  const steps = new Set<CatalogStep>();
  if (item?.can.edit) steps.add("save");
  if (item?.can.attach) steps.add("attach");
  if (item?.can.detach) steps.add("detach");
  if (item?.can.submit) steps.add("submit");
  if (item?.can.withdraw) steps.add("withdraw");
  if (item?.can.review) steps.add("return");
  if (item?.can.approve) steps.add("approve");
  if (item?.can.changeValidity) steps.add("changeValidity");
  return [...steps].sort();
}

async function accepted(actor: Actor, itemId: string) {
  const steps: CatalogStep[] = [];
  for (const step of Object.keys(catalogSteps) as CatalogStep[]) {
    if (await checkCatalogStep(prisma, actor, itemId, step).then(() => true, () => false)) steps.push(step);
  }
  return steps.sort();
}

describe("the catalog steps table", () => {
  it("for every role, state and separation-of-duties case, the item page offers exactly what the server accepts", async () => {
    const disagreements: string[] = [];
    for (const [state, itemId] of items) {
      for (const [who, actor] of actors) {
        const [screen, server] = [await offered(actor, itemId), await accepted(actor, itemId)];
        if (screen.join() !== server.join()) disagreements.push(`${state}, ${who}: page [${screen}] server [${server}]`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("the author of a submission may return it but not approve it", async () => {
    expect(await accepted(actors[0]![1], items[1]![1])).toEqual(["return", "withdraw"]);
  });
});
