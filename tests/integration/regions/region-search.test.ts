// Search limited to a region: the government's subtree, applied in the
// query; without a region the results are what they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRegion, listRegionOptions } from "@/lib/regions/list-region-options";
import { listPublishedReports } from "@/lib/reports/queries";
import { testPrisma } from "../helpers";
import { createRegionTree, publishReport } from "./region-tree";

const prisma = testPrisma();
let tree: Awaited<ReturnType<typeof createRegionTree>>;

beforeAll(async () => {
  tree = await createRegionTree(prisma);
  for (const unit of [tree.provinceDept, tree.cityDept, tree.county, tree.town, tree.countyDept, tree.neighbourTown]) {
    await publishReport(prisma, unit, 2023);
  }
});
afterAll(() => prisma.$disconnect());

const slugs = (reports: { organizationSlug: string }[]) => reports.map((r) => r.organizationSlug).sort();

describe("search by region", () => {
  it("finds only the units of the region, at any depth", async () => {
    const all = [tree.provinceDept, tree.cityDept, tree.county, tree.town, tree.countyDept, tree.neighbourTown].map((u) => u.slug);
    const city = await findRegion(tree.city.slug, prisma);
    expect(slugs(await listPublishedReports({ regionId: city!.id }))).toEqual(all.filter((s) => s !== tree.provinceDept.slug).sort());
    expect(slugs(await listPublishedReports({ regionId: tree.county.id }))).toEqual([tree.county.slug, tree.town.slug, tree.countyDept.slug].sort());
    expect(slugs(await listPublishedReports({ regionId: tree.province.id, year: 2023 }))).toEqual([...all].sort());
  });

  it("combines with the name and the year", async () => {
    // 财政局 in 甲县 and 乙县's name searches: only the region's.
    expect(slugs(await listPublishedReports({ q: "财政局", regionId: tree.county.id }))).toEqual([tree.countyDept.slug]);
    expect(await listPublishedReports({ q: "西镇", regionId: tree.county.id })).toEqual([]);
    expect(await listPublishedReports({ regionId: tree.county.id, year: 2022 })).toEqual([]);
  });

  it("leaves the results unchanged without a region", async () => {
    const found = slugs(await listPublishedReports({ q: tree.city.name.replace("人民政府", "") }));
    // The name search reaches a unit through its parent's name: the city's department and its counties.
    expect(found).toEqual([tree.cityDept.slug, tree.county.slug].sort());
  });

  it("groups each report under the government whose portal lists it", async () => {
    const reports = await listPublishedReports({ regionId: tree.city.id });
    const of = (slug: string) => reports.find((r) => r.organizationSlug === slug)!;
    expect(of(tree.county.slug)).toMatchObject({ governmentSlug: tree.county.slug, governmentName: tree.county.name });
    expect(of(tree.town.slug)).toMatchObject({ governmentSlug: tree.county.slug });
    expect(of(tree.cityDept.slug)).toMatchObject({ governmentSlug: tree.city.slug });
  });

  it("offers every government, each under the one above it; townships and departments are no region", async () => {
    const options = await listRegionOptions(prisma);
    const at = options.findIndex((o) => o.slug === tree.province.slug);
    const mine = options.slice(at, at + 4);
    expect(mine.slice(0, 2).map((o) => [o.slug, o.depth])).toEqual([[tree.province.slug, 0], [tree.city.slug, 1]]);
    expect(mine.slice(2).map((o) => [o.slug, o.depth]).sort()).toEqual([[tree.county.slug, 2], [tree.neighbour.slug, 2]].sort());
    expect(options.map((o) => o.slug)).not.toContain(tree.town.slug);
    expect(await findRegion(tree.town.slug, prisma)).toBeNull();
    expect(await findRegion(tree.cityDept.slug, prisma)).toBeNull();
  });
});
