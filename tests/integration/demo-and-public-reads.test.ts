import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed-demo";
import { getPublishedReport, listPublishedReports } from "@/lib/reports/queries";
import { format2019, formatCells } from "@/lib/report-format";
import { testPrisma } from "./helpers";

const prisma = testPrisma();

beforeAll(async () => {
  await seedDemo(prisma);
});
afterAll(() => prisma.$disconnect());

describe("the demo data", () => {
  it("loads 来安县人民政府 with its townships and a department, under 滁州市 in 安徽省", async () => {
    const county = await prisma.organization.findUniqueOrThrow({
      where: { slug: "laian" },
      include: { children: { orderBy: { slug: "asc" } } },
    });
    const [province, city] = await Promise.all(["anhui", "chuzhou"].map((slug) => prisma.organization.findUniqueOrThrow({ where: { slug } })));
    expect(county).toMatchObject({ name: "来安县人民政府", kind: "COUNTY_GOVERNMENT", parentId: city!.id, ancestorIds: [province!.id, city!.id] });
    const leiguan = county.children.find((c) => c.slug === "laian-leiguan")!;
    expect(leiguan.ancestorIds).toEqual([province!.id, city!.id, county.id]);
    const townships = county.children.filter((c) => c.kind === "TOWNSHIP").map((c) => c.name);
    expect(townships).toContain("来安县雷官镇人民政府");
    expect(townships.length).toBeGreaterThanOrEqual(4);
  });

  it("is idempotent: seeding again leaves one copy of everything", async () => {
    // Other test files share this database: count only the demo's own rows.
    const demo = { organization: { slug: { startsWith: "laian" } } };
    const count = async () => ({
      organizations: await prisma.organization.count({ where: demo.organization }),
      reports: await prisma.report.count({ where: demo }),
      revisions: await prisma.reportRevision.count({ where: { report: demo } }),
      cells: await prisma.revisionCell.count({ where: { revision: { report: demo } } }),
    });
    const before = await count();
    expect(await seedDemo(prisma)).toEqual({ published: [] });
    expect(await count()).toEqual(before);
    // 来安县 and 9 units; 雷官镇 2020 (the 2019 trial format, 198 cells) and 2023,
    // and the supervision history (12 reports: 10 revisions published, one
    // submitted, one returned).
    expect(before.organizations).toBe(10);
    expect(before.reports).toBe(14);
    expect(before.revisions).toBe(13);
    expect(before.cells).toBe(12 * 200 + formatCells(format2019).length);
  });

  it("publishes the imported 雷官镇 2023 report, with an audit trail", async () => {
    const report = await getPublishedReport("laian-leiguan", 2023);
    expect(report).not.toBeNull();
    expect(report!.title).toBe("来安县雷官镇人民政府2023年政府信息公开工作年度报告");
    expect(report!.organization.parent).toBe("来安县人民政府");
    expect(report!.revision).toBe(1);
    expect(report!.values["active.license.decisions"]).toBe(58);
    expect(report!.values["active.penalty.decisions"]).toBe(35);
    expect(report!.values["active.enforcement.decisions"]).toBe(10);
    expect(report!.values["active.fee.amount"]).toBe(0);
    expect(report!.signedOn).toBe("2023-01-24");
    expect(report!.sections.overview).toMatch(/^（一）主动公开\n2023年我镇政务公开平台主动公布信息528条/);

    const events = await prisma.auditEvent.findMany({ where: { objectId: (await prisma.report.findFirstOrThrow({ where: { year: 2023, organization: { slug: "laian-leiguan" } } })).id } });
    expect(events.map((e) => e.event).sort()).toEqual(["report.import", "report.publish"]);
  });

  it("lists published reports with their government, and finds them by unit name and year", async () => {
    const all = await listPublishedReports();
    expect(all).toContainEqual(
      expect.objectContaining({ organizationSlug: "laian-leiguan", year: 2023, kind: "TOWNSHIP", governmentName: "来安县人民政府" }),
    );
    expect((await listPublishedReports({ q: "雷官" })).map((r) => r.organizationSlug)).toContain("laian-leiguan");
    expect((await listPublishedReports({ q: "来安县", year: 2023 })).map((r) => r.organizationSlug)).toContain("laian-leiguan");
    expect(await listPublishedReports({ q: "雷官", year: 2022 })).toEqual([]);
    // 新安镇 has no published report: never listed, whatever the search.
    expect((await listPublishedReports({ q: "新安" })).length).toBe(0);
  });
});

describe("cell storage", () => {
  it("lets a county sum any cell across its units' published reports in one query", async () => {
    const rows = await prisma.$queryRaw<{ total: bigint }[]>`
      select sum(c.count) as total
        from revision_cell c
        join report_revision v on v.id = c.revision_id and v.published_at is not null
        join report r on r.id = v.report_id
        join organization o on o.id = r.organization_id
        join organization county on county.id = o.parent_id
       where county.slug = 'laian' and r.year = 2023
         and c.table_key = 'active' and c.row_key = 'license' and c.column_key = 'decisions'`;
    expect(Number(rows[0]!.total)).toBe(58 + 2 * 58); // 雷官镇, and 舜山镇 at twice its figures
  });
});
