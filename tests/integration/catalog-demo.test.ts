import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countCatalogForReport } from "@/lib/catalog/report-counts";
import { checkReport } from "@/lib/report-format";
import { seedDemo } from "@/lib/demo/seed-demo";
import { getPublishedReport } from "@/lib/reports/queries";
import { testPrisma } from "./helpers";

const prisma = testPrisma();
let leiguanId: string;

beforeAll(async () => {
  await seedDemo(prisma);
  leiguanId = (await prisma.organization.findUniqueOrThrow({ where: { slug: "laian-leiguan" } })).id;
});
afterAll(() => prisma.$disconnect());

describe("the demo catalog of 雷官镇", () => {
  it("reproduces the 2023 report's 主动公开 528 = 346 + 182 and its table 二", async () => {
    const counts = await countCatalogForReport(leiguanId, 2023, prisma);
    expect(counts.total).toBe(528);
    expect(counts.byArea).toEqual({ basic: 346, standardized: 182 });
    expect(counts.byCategory.find((c) => c.category.key === "oversight")?.count).toBe(5);
    const report = await getPublishedReport("laian-leiguan", 2023);
    const findings = checkReport({
      format: report!.format,
      organization: { name: report!.organization.name, kind: "TOWNSHIP" },
      year: 2023,
      title: report!.title,
      signedOn: "2024-01-24",
      values: report!.values,
      catalog: { total: counts.total, cells: counts.cells },
    });
    expect(findings.filter((f) => f.rule === "catalog")).toEqual([]);
    expect(counts.cells).toMatchObject({
      "active.license.decisions": 58,
      "active.penalty.decisions": 35,
      "active.enforcement.decisions": 10,
      "active.normative.issued": 0,
      "active.normative.repealed": 0,
      "active.normative.inForce": 0,
    });
  });

  it("holds older 行政规范性文件 repealed or expired in the 2022 clean-up", async () => {
    const counts = await countCatalogForReport(leiguanId, 2022, prisma);
    expect(counts.cells).toMatchObject({ "active.normative.issued": 2, "active.normative.repealed": 2, "active.normative.inForce": 0 });
    expect((await countCatalogForReport(leiguanId, 2021, prisma)).cells["active.normative.inForce"]).toBe(1);
  });

  it("keeps one copy when seeded again", async () => {
    const before = await prisma.catalogItem.count({ where: { organizationId: leiguanId } });
    expect(before).toBe(532); // 528 of 2023, one of 1 January 2024, three 行政规范性文件
    await seedDemo(prisma);
    expect(await prisma.catalogItem.count({ where: { organizationId: leiguanId } })).toBe(before);
  });
});
