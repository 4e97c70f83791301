// The public site by region: a government's page lists the governments
// directly below it with their counts, and its own units with their reports;
// nothing of a neighbouring region, nothing unpublished.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCatalogUnits } from "@/lib/catalog/public-queries";
import { getRegionPage } from "@/lib/regions/get-region";
import { listRegionTrail } from "@/lib/regions/list-ancestors";
import { listTopRegions, portalHasRegions } from "@/lib/regions/list-top-regions";
import { listPublishedYears } from "@/lib/regions/published-years";
import { testPrisma } from "../helpers";
import { createRegionTree, draftReport, publishReport } from "./region-tree";

const prisma = testPrisma();
let tree: Awaited<ReturnType<typeof createRegionTree>>;

beforeAll(async () => {
  tree = await createRegionTree(prisma);
  await publishReport(prisma, tree.town, 2023);
  await publishReport(prisma, tree.town, 2022);
  await publishReport(prisma, tree.countyDept, 2023);
  await publishReport(prisma, tree.neighbourTown, 2023);
  await publishReport(prisma, tree.cityDept, 2023);
  await draftReport(prisma, tree.county, 2023);
});
afterAll(() => prisma.$disconnect());

describe("a government's page", () => {
  it("a city lists its counties with their units and published reports for the year", async () => {
    const page = (await getRegionPage(tree.city.slug, 2023, prisma))!;
    expect(page.year).toBe(2023);
    expect(page.government).toEqual({ slug: tree.city.slug, name: tree.city.name, kind: "CITY_GOVERNMENT" });
    expect([...page.regions].sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: tree.county.slug, name: tree.county.name, kind: "COUNTY_GOVERNMENT", units: 3, published: 2 },
      { slug: tree.neighbour.slug, name: tree.neighbour.name, kind: "COUNTY_GOVERNMENT", units: 3, published: 1 },
    ]);
    // The city, its department, and the two counties' six units; the county's draft is not counted.
    expect(page.totals).toEqual({ units: 8, published: 4 });
    // Its own units: the city government and its department — never a county's township.
    expect(page.units.map((u) => u.slug)).toEqual([tree.city.slug, tree.cityDept.slug]);
    expect(page.units[1]).toMatchObject({ report: { title: `${tree.cityDept.name}2023年政府信息公开工作年度报告` }, publishedYears: [2023] });
    expect(page.units[0]).toMatchObject({ report: null, publishedYears: [] });
    expect(page.ancestors).toEqual([{ slug: tree.province.slug, name: tree.province.name }]);
  });

  it("a county lists its own units with their reports, and a unit of the neighbouring county never appears", async () => {
    const page = (await getRegionPage(tree.county.slug, 2023, prisma))!;
    expect(page.ancestors.map((a) => a.slug)).toEqual([tree.province.slug, tree.city.slug]);
    expect(page.regions).toEqual([]);
    // The government first, then its townships, then its departments.
    expect(page.units.map((u) => u.slug)).toEqual([tree.county.slug, tree.town.slug, tree.countyDept.slug]);
    expect(page.units.map((u) => u.report !== null)).toEqual([false, true, true]);
    expect(page.units.find((u) => u.slug === tree.town.slug)!.publishedYears).toEqual([2023, 2022]);
    expect(JSON.stringify(page)).not.toContain(tree.neighbourTown.slug);
    expect(page.totals).toEqual({ units: 3, published: 2 });
  });

  it("opens at the newest year with a published report, and counts for the year asked for", async () => {
    const latest = (await getRegionPage(tree.county.slug, undefined, prisma))!;
    // The years of the whole installation (other tests publish theirs), the same on every region's page.
    const years = await listPublishedYears(prisma);
    expect(years).toEqual(expect.arrayContaining([2023, 2022]));
    expect(latest.years).toEqual(years);
    expect(latest.year).toBe(years[0]);
    const page = (await getRegionPage(tree.county.slug, 2022, prisma))!;
    expect(page.year).toBe(2022);
    expect(page.totals).toEqual({ units: 3, published: 1 });
    expect(page.units.find((u) => u.slug === tree.countyDept.slug)!.report).toBeNull();
    const empty = (await getRegionPage(tree.county.slug, 2019, prisma))!;
    expect(empty.totals).toEqual({ units: 3, published: 0 });
  });

  it("a province counts everything below it, at any depth", async () => {
    const page = (await getRegionPage(tree.province.slug, 2023, prisma))!;
    expect(page.regions).toEqual([{ slug: tree.city.slug, name: tree.city.name, kind: "CITY_GOVERNMENT", units: 8, published: 4 }]);
    expect(page.units.map((u) => u.slug)).toEqual([tree.province.slug, tree.provinceDept.slug]);
    expect(page.totals).toEqual({ units: 10, published: 4 });
    expect(page.ancestors).toEqual([]);
  });

  it("counts and lists a report as soon as it is published", async () => {
    const own = await createRegionTree(prisma);
    const before = (await getRegionPage(own.city.slug, 2023, prisma))!;
    await publishReport(prisma, own.neighbourDept, 2023);
    const after = (await getRegionPage(own.city.slug, 2023, prisma))!;
    expect(before.regions.find((r) => r.slug === own.neighbour.slug)).toMatchObject({ units: 3, published: 0 });
    expect(after.regions.find((r) => r.slug === own.neighbour.slug)).toMatchObject({ units: 3, published: 1 });
    const county = (await getRegionPage(own.neighbour.slug, 2023, prisma))!;
    expect(county.units.find((u) => u.slug === own.neighbourDept.slug)!.report).not.toBeNull();
  });

  it("still counts a report whose correction is being drafted: its published edition stays public", async () => {
    const own = await createRegionTree(prisma);
    await publishReport(prisma, own.town, 2023);
    // 发起更正 takes the report back to a draft; the published revision is what the public sees meanwhile.
    await prisma.report.updateMany({ where: { organization: { slug: own.town.slug }, year: 2023 }, data: { status: "DRAFT", correctionReason: "更正数据" } });
    const page = (await getRegionPage(own.county.slug, 2023, prisma))!;
    expect(page.totals).toEqual({ units: 3, published: 1 });
    expect(page.units.find((u) => u.slug === own.town.slug)!.report).not.toBeNull();
  });

  it("has no page for a township, a department or an unknown slug", async () => {
    expect(await getRegionPage(tree.town.slug, undefined, prisma)).toBeNull();
    expect(await getRegionPage(tree.countyDept.slug, undefined, prisma)).toBeNull();
    expect(await getRegionPage("no-such-region", undefined, prisma)).toBeNull();
  });
});

describe("the way back up from a unit's own pages", () => {
  it("names the governments above it, root first, and a government itself", async () => {
    const link = (unit: { slug: string; name: string }) => ({ slug: unit.slug, name: unit.name });
    expect(await listRegionTrail(tree.town.slug, prisma)).toEqual([link(tree.province), link(tree.city), link(tree.county)]);
    expect(await listRegionTrail(tree.cityDept.slug, prisma)).toEqual([link(tree.province), link(tree.city)]);
    expect(await listRegionTrail(tree.county.slug, prisma)).toEqual([link(tree.province), link(tree.city), link(tree.county)]);
    expect(await listRegionTrail("no-such-unit", prisma)).toBeNull();
  });
});

describe("the home page's tree", () => {
  it("shows the roots and the governments directly below them, with their counts", async () => {
    expect(await portalHasRegions(prisma)).toBe(true);
    const { year, roots } = await listTopRegions(prisma);
    const root = roots.find((r) => r.slug === tree.province.slug)!;
    const counts = (await getRegionPage(tree.province.slug, year, prisma))!;
    expect(root).toMatchObject({ name: tree.province.name, units: 10, published: counts.totals.published });
    expect(root.regions.map((r) => r.slug)).toEqual([tree.city.slug]);
    // Counties sit under their city, not among the roots.
    expect(roots.map((r) => r.slug)).not.toContain(tree.county.slug);
  });
});

describe("the catalog's units", () => {
  it("are listed under every government, of any level, with its own departments and townships", async () => {
    const groups = await listCatalogUnits(prisma);
    const under = (slug: string) => groups.find((g) => g.government.slug === slug)?.units.map((u) => u.slug);
    expect(under(tree.province.slug)).toEqual([tree.provinceDept.slug]);
    expect(under(tree.city.slug)).toEqual([tree.cityDept.slug]);
    expect(under(tree.county.slug)?.sort()).toEqual([tree.town.slug, tree.countyDept.slug].sort());
  });
});
