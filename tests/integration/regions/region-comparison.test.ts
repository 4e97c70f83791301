// Comparison for every government: itself, the governments directly below it
// and its own departments and townships, published reports only; its CSV;
// and the county-only addresses, which redirect to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as legacyCsv } from "@/app/open-data/counties/[county]/[year]/route";
import { GET as compareCsv } from "@/app/open-data/regions/[region]/[year]/route";
import { GET as legacyPage } from "@/app/counties/[county]/[year]/route";
import { getGovernmentYear } from "@/lib/comparison/queries";
import { testPrisma } from "../helpers";
import { createRegionTree, draftReport, publishReport } from "./region-tree";

// Plain JavaScript without types: read as the data it is (as tests/unit/body-limits.test.ts does).
type Rewrite = { source: string; destination: string };
const configPath: string = "@/next.config.mjs";
const { default: nextConfig } = (await import(configPath)) as { default: { rewrites: () => Promise<{ afterFiles: Rewrite[] }> } };

const prisma = testPrisma();
let tree: Awaited<ReturnType<typeof createRegionTree>>;

beforeAll(async () => {
  tree = await createRegionTree(prisma);
  await publishReport(prisma, tree.provinceDept, 2023, 2);
  await publishReport(prisma, tree.city, 2023, 5);
  await publishReport(prisma, tree.cityDept, 2023, 3);
  await publishReport(prisma, tree.county, 2023, 7);
  await publishReport(prisma, tree.town, 2023, 11);
  await publishReport(prisma, tree.neighbourTown, 2023, 13);
  await draftReport(prisma, tree.neighbour, 2023);
});
afterAll(() => prisma.$disconnect());

const licences = (data: Awaited<ReturnType<typeof getGovernmentYear>>) =>
  data!.units.map((u) => [u.organization.slug, u.values["active.license.decisions"]]);

describe("a government's units side by side", () => {
  it("a city: itself first, then its counties, then its departments — no township, no draft", async () => {
    const data = await getGovernmentYear(tree.city.slug, 2023);
    expect(data!.government).toMatchObject({ slug: tree.city.slug, name: tree.city.name });
    expect(licences(data)).toEqual([
      [tree.city.slug, 5],
      [tree.county.slug, 7],
      [tree.cityDept.slug, 3],
    ]);
  });

  it("a province: its cities and its departments", async () => {
    expect(licences(await getGovernmentYear(tree.province.slug, 2023))).toEqual([
      [tree.city.slug, 5],
      [tree.provinceDept.slug, 2],
    ]);
  });

  it("a county: itself and its townships and departments, never the neighbouring county's", async () => {
    expect(licences(await getGovernmentYear(tree.county.slug, 2023))).toEqual([
      [tree.county.slug, 7],
      [tree.town.slug, 11],
    ]);
    expect(licences(await getGovernmentYear(tree.neighbour.slug, 2023))).toEqual([[tree.neighbourTown.slug, 13]]);
  });

  it("reads only the cells a page's figures need, when told which", async () => {
    const data = await getGovernmentYear(tree.city.slug, 2023, ["active.license.decisions", "appeals.review.total"]);
    expect(Object.entries(data!.units[0]!.values).filter(([, v]) => v !== null).map(([k]) => k).sort()).toEqual(["active.license.decisions", "appeals.review.total"]);
    expect(licences(data)).toEqual([[tree.city.slug, 5], [tree.county.slug, 7], [tree.cityDept.slug, 3]]);
  });

  it("is not offered for a township or a department", async () => {
    expect(await getGovernmentYear(tree.town.slug, 2023)).toBeNull();
    expect(await getGovernmentYear(tree.cityDept.slug, 2023)).toBeNull();
  });

  it("gives the same units as CSV, one row per cell", async () => {
    const response = await compareCsv(new Request("http://localhost/open-data/regions/x/2023"), {
      params: Promise.resolve({ region: tree.city.slug, year: "2023" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${tree.city.slug}-2023.csv"`);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines).toHaveLength(1 + 3 * 200);
    expect(lines).toContain(`${tree.county.name},,2023,active,二、主动公开政府信息情况,license,行政许可,decisions,本年处理决定数量,7`);
    expect(lines.some((line) => line.startsWith(tree.town.name))).toBe(false);
    const township = await compareCsv(new Request("http://localhost/"), { params: Promise.resolve({ region: tree.town.slug, year: "2023" }) });
    expect(township.status).toBe(404);
  });
});

describe("the county-only addresses", () => {
  it("/counties/<county>/<year> redirects permanently to the comparison, keeping the sort order", async () => {
    const response = await legacyPage(new Request(`http://localhost/counties/${tree.county.slug}/2023?sort=3&dir=asc`), {
      params: Promise.resolve({ county: tree.county.slug, year: "2023" }),
    });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`/regions/${tree.county.slug}/2023/compare?sort=3&dir=asc`);
  });

  it("/counties/<county>/<year>.csv redirects permanently to the comparison's CSV, which holds the county's units", async () => {
    const { afterFiles } = await nextConfig.rewrites();
    expect(afterFiles).toContainEqual({ source: "/counties/:county/:year(\\d{4}).csv", destination: "/open-data/counties/:county/:year" });
    expect(afterFiles).toContainEqual({ source: "/regions/:region/:year(\\d{4})/compare.csv", destination: "/open-data/regions/:region/:year" });

    const response = await legacyCsv(new Request(`http://localhost/open-data/counties/${tree.county.slug}/2023`), {
      params: Promise.resolve({ county: tree.county.slug, year: "2023" }),
    });
    expect(response.status).toBe(308);
    const location = response.headers.get("location")!;
    expect(location).toBe(`/regions/${tree.county.slug}/2023/compare.csv`);
    const [, region, year] = /^\/regions\/([^/]+)\/(\d{4})\/compare\.csv$/.exec(location)!;
    const csv = await (await compareCsv(new Request(`http://localhost${location}`), { params: Promise.resolve({ region: region!, year: year! }) })).text();
    expect(csv).toContain(`${tree.town.name},,2023,active`);
    expect(csv).not.toContain(tree.neighbourTown.name);
  });

  it("answers 404 for an address that was never valid, rather than redirecting it", async () => {
    const response = await legacyPage(new Request("http://localhost/counties/Bad%0D%0A/2023"), {
      params: Promise.resolve({ county: "Bad\r\n", year: "2023" }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
  });
});
