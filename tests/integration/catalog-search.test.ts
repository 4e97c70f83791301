import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listPublishedItems } from "@/lib/catalog/public-queries";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { publishedItem } from "./catalog/catalog-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let townId: string;
const word = `检索${Date.now().toString(36)}`;

beforeAll(async () => {
  const { townA } = await createCountyWithTownships(prisma);
  townId = townA.id;
  const people: { clerk: Actor; reviewer: Actor } = {
    clerk: await signedInActor(prisma, [{ organizationId: townId, role: "CLERK" }]),
    reviewer: await signedInActor(prisma, [{ organizationId: townId, role: "REVIEWER" }]),
  };
  for (let day = 1; day <= 25; day++) {
    const date = `2024-03-${String(day).padStart(2, "0")} 10:00`;
    await publishedItem(prisma, people, townId, { title: `关于${word}事项的通知（${day}）`, originalPublishedAt: date });
  }
  await publishedItem(prisma, people, townId, { title: "一份不同的文件", documentNumber: `甲政〔2024〕${word}号`, originalPublishedAt: "2024-01-05" });
});

describe("searching the catalog", () => {
  it("pages through matches across units newest first, the next page starting where the first ended", async () => {
    const first = await listPublishedItems(null, { q: word }, {}, prisma);
    expect(first.items.map((i) => i.title)).toEqual(Array.from({ length: 20 }, (_, i) => `关于${word}事项的通知（${25 - i}）`));
    const second = await listPublishedItems(null, { q: word, after: first.next! }, {}, prisma);
    expect(second.items.map((i) => i.title)).toEqual([
      ...Array.from({ length: 5 }, (_, i) => `关于${word}事项的通知（${5 - i}）`),
      "一份不同的文件",
    ]);
    expect(second.next).toBeNull();
  });

  it("finds a 文号 by a substring, in one unit or across units, with wildcards taken literally", async () => {
    for (const organizationId of [townId, null]) {
      const found = await listPublishedItems(organizationId, { q: `〔2024〕${word}` }, {}, prisma);
      expect(found.items.map((i) => i.documentNumber)).toEqual([`甲政〔2024〕${word}号`]);
    }
    expect((await listPublishedItems(null, { q: "%" }, {}, prisma)).items).toEqual([]);
  });

  it("narrows by year in China time and by category", async () => {
    expect((await listPublishedItems(townId, { year: 2024, category: "notice" }, { limit: 100 }, prisma)).items).toHaveLength(26);
    expect((await listPublishedItems(townId, { year: 2023 }, {}, prisma)).items).toEqual([]);
    expect((await listPublishedItems(townId, { category: "penalty" }, {}, prisma)).items).toEqual([]);
  });
});

describe("short search terms across units", () => {
  it("answer from the newest items and say the answer may be partial; within a unit they search everything", async () => {
    const across = await listPublishedItems(null, { q: "甲政" }, {}, prisma);
    expect(across.items.map((i) => i.title)).toContain("一份不同的文件");
    expect(across.partial).toBe(true);
    expect((await listPublishedItems(townId, { q: "甲政" }, {}, prisma)).partial).toBeUndefined();
    expect((await listPublishedItems(null, { q: `${word}事项` }, {}, prisma)).partial).toBeUndefined();
  });
});
