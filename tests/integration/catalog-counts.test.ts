import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getCatalogForReport } from "@/lib/catalog/report-comparison";
import { countCatalogForReport, listItemsBehindCount } from "@/lib/catalog/report-counts";
import { startReport } from "@/lib/reports/start-report";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { draftItem, publishedItem, submittedItem } from "./catalog/catalog-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let townId: string;
let otherTownId: string;
let clerk: Actor;
let reviewer: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { townA, townB } = await createCountyWithTownships(prisma);
  townId = townA.id;
  otherTownId = townB.id;
  clerk = await signedInActor(prisma, [{ organizationId: townId, role: "CLERK" }]);
  reviewer = await signedInActor(prisma, [{ organizationId: townId, role: "REVIEWER" }]);
  const people = { clerk, reviewer };
  // 23:30 on 31 December in China is 15:30 UTC: a 2023 item.
  ids.lateDecember = await publishedItem(prisma, people, townId, { category: "license", originalPublishedAt: "2023-12-31 23:30" });
  // 00:30 on 1 January in China is still 31 December (16:30) in UTC: a 2024 item.
  ids.earlyJanuary = await publishedItem(prisma, people, townId, { category: "license", originalPublishedAt: "2024-01-01 00:30" });
  ids.draft = await draftItem(prisma, clerk, townId, { category: "license", originalPublishedAt: "2023-06-01" });
  ids.awaitingReview = await submittedItem(prisma, clerk, townId, { category: "license", originalPublishedAt: "2023-06-02" });
  ids.inForceSince2022 = await publishedItem(prisma, people, townId, { category: "normative", originalPublishedAt: "2022-05-01" });
  ids.issuedAndRepealed2023 = await publishedItem(prisma, people, townId, {
    category: "normative",
    originalPublishedAt: "2023-03-01",
    endedAs: { validity: "REPEALED", on: "2023-12-31" },
  });
  ids.repealedNewYearsDay2024 = await publishedItem(prisma, people, townId, {
    category: "normative",
    originalPublishedAt: "2021-01-01",
    endedAs: { validity: "REPEALED", on: "2024-01-01" },
  });
  ids.expired2023 = await publishedItem(prisma, people, townId, {
    category: "normative",
    originalPublishedAt: "2023-06-01",
    endedAs: { validity: "EXPIRED", on: "2023-09-01" },
  });
});

describe("report counts from the catalog", () => {
  it("count 2023 by 发布日期 in China time, and leave out drafts and items awaiting review", async () => {
    const counts = await countCatalogForReport(townId, 2023, prisma);
    expect(counts.total).toBe(3);
    expect(counts.byCategory.map(({ category, count }) => [category.key, count])).toEqual([
      ["normative", 2],
      ["license", 1],
    ]);
    expect(counts.cells["active.license.decisions"]).toBe(1);
  });

  it("give table 二's 行政规范性文件 row: issued and repealed in the year, in force at 31 December", async () => {
    const counts = await countCatalogForReport(townId, 2023, prisma);
    expect(counts.cells["active.normative.issued"]).toBe(2);
    // Expired (已失效) is not repealed (已废止); repealed on 1 January 2024 counts in 2024.
    expect(counts.cells["active.normative.repealed"]).toBe(1);
    expect(counts.cells["active.normative.inForce"]).toBe(2);
    expect(counts.cells["active.regulation.inForce"]).toBe(0);

    const next = await countCatalogForReport(townId, 2024, prisma);
    expect(next.cells["active.license.decisions"]).toBe(1);
    expect(next.cells["active.normative.issued"]).toBe(0);
    expect(next.cells["active.normative.repealed"]).toBe(1);
    expect(next.cells["active.normative.inForce"]).toBe(1);
  });

  it("list exactly the items behind each count", async () => {
    const behind = async (measure: "published" | "repealed" | "inForce", category: string | null, year = 2023) =>
      (await listItemsBehindCount(townId, year, measure, category, {}, prisma)).map((i) => i.id).sort();
    expect(await behind("published", "license")).toEqual([ids.lateDecember]);
    expect(await behind("published", null)).toEqual([ids.lateDecember, ids.issuedAndRepealed2023, ids.expired2023].sort());
    expect(await behind("repealed", "normative")).toEqual([ids.issuedAndRepealed2023]);
    expect(await behind("inForce", "normative")).toEqual([ids.inForceSince2022, ids.repealedNewYearsDay2024].sort());
    expect(await behind("published", "license", 2024)).toEqual([ids.earlyJanuary]);
  });

  it("stamp the 索引号 with the year of the 发布日期 in China time", async () => {
    const stamped = await prisma.catalogItem.findMany({
      where: { id: { in: [ids.lateDecember!, ids.earlyJanuary!] } },
      select: { id: true, indexNumber: true },
    });
    const byId = new Map(stamped.map((s) => [s.id, s.indexNumber]));
    expect(byId.get(ids.lateDecember!)).toMatch(/\/2023-\d{5}$/);
    expect(byId.get(ids.earlyJanuary!)).toMatch(/\/2024-\d{5}$/);
  });
});

describe("the catalog beside a report", () => {
  it("gives the report's own unit and year, and nothing to another township", async () => {
    const { reportId } = await startReport(clerk, { organizationId: townId, year: 2023, prefill: false }, prisma);
    const catalog = await getCatalogForReport(clerk, reportId, prisma);
    expect(catalog.counts).toEqual(await countCatalogForReport(townId, 2023, prisma));
    const stranger = await signedInActor(prisma, [{ organizationId: otherTownId, role: "REVIEWER" }]);
    await expect(getCatalogForReport(stranger, reportId, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
