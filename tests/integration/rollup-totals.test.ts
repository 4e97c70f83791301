// The roll-up's totals kept per government by the database: after publishing,
// correcting and moving units, every total equals the one recomputed from the
// cells of each report's latest published revision; and a province's roll-up
// read from them equals the sum over its units' cells.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseTextReport, type ParsedReport } from "@/lib/import/parse-text-report";
import { format2021, formatCells, withComputedTotals } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
import { publishWorkingCopy } from "@/lib/reports/publish-working-copy";
import { moveOrganization } from "@/lib/organizations/move-organization";
import { loadGovernmentRollup, rollupCells } from "@/lib/supervision/rollup";
import { signedInActor, testPrisma, uniqueSlug } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const sample = parseTextReport(readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8"), format2021);

function variant(scale: number): ParsedReport {
  const values = Object.fromEntries(Object.entries(sample.values).map(([k, v]) => [k, v === null ? null : v * scale]));
  return { ...sample, values: withComputedTotals(format2021, values) };
}

async function unit(name: string, kind: "PROVINCE_GOVERNMENT" | "CITY_GOVERNMENT" | "COUNTY_GOVERNMENT" | "TOWNSHIP" | "DEPARTMENT", parentId?: string) {
  return prisma.organization.create({ data: { slug: uniqueSlug("u"), name, shortName: name, kind, parentId } });
}

/** Kept totals that differ from the recomputed ones, within one subtree (other tests write elsewhere at the same time). */
async function differences(rootId: string) {
  return prisma.$queryRawUnsafe<unknown[]>(
    `with kept as (
       select t.* from rollup_total t join organization g on g.id = t.government_id
        where (g.id = $1::uuid or g.ancestor_ids @> array[$1::uuid])
          -- A row whose every contribution was taken away again is as good as none.
          and (t.count_n <> 0 or t.amount_n <> 0 or t.change_n <> 0 or t.count <> 0 or t.amount <> 0 or t.change <> 0)),
     fresh as (
       select r.* from rollup_recomputed() r join organization g on g.id = r.government_id
        where g.id = $1::uuid or g.ancestor_ids @> array[$1::uuid])
     (select 'kept' as side, * from kept except select 'kept', * from fresh)
     union all
     (select 'fresh', * from fresh except select 'fresh', * from kept)`,
    rootId,
  );
}

/** Reports in the subtree whose kept publication facts (latest published revision, first publication) are wrong. */
async function wrongReportFacts(rootId: string) {
  return prisma.$queryRawUnsafe<unknown[]>(
    `select p.id from report p join organization o on o.id = p.organization_id
      where (o.id = $1::uuid or o.ancestor_ids @> array[$1::uuid])
        and (p.published_revision_id is distinct from
               (select id from report_revision v where v.report_id = p.id and v.published_at is not null order by number desc limit 1)
             or p.first_published_at is distinct from
               (select min(published_at) from report_revision v where v.report_id = p.id))`,
    rootId,
  );
}

describe("roll-up totals", () => {
  it("equal the totals recomputed from the cells after publishing, correcting and moving units", async () => {
    const province = await unit("测试省人民政府", "PROVINCE_GOVERNMENT");
    const city = await unit("测试市人民政府", "CITY_GOVERNMENT", province.id);
    const countyA = await unit("甲县人民政府", "COUNTY_GOVERNMENT", city.id);
    const countyB = await unit("乙县人民政府", "COUNTY_GOVERNMENT", city.id);
    const town = await unit("甲县一镇人民政府", "TOWNSHIP", countyA.id);
    const department = await unit("甲县财政局", "DEPARTMENT", countyA.id);
    const office = await unit("财政局办公室", "DEPARTMENT", department.id);
    const townB = await unit("乙县一镇人民政府", "TOWNSHIP", countyB.id);
    const publish = (slug: string, scale: number, year = 2023) =>
      importReport(prisma, { organizationSlug: slug, year, parsed: variant(scale), actor: "test", publish: true });

    for (const [org, scale] of [[countyA, 1], [town, 2], [department, 3], [office, 4], [townB, 5], [city, 6], [province, 7]] as const) {
      await publish(org.slug, scale);
    }
    await publish(town.slug, 11, 2022);
    expect(await differences(province.id)).toEqual([]);

    // A correction: a second published revision replaces the first in the sums.
    const townReport = await prisma.report.findUniqueOrThrow({ where: { organizationId_year: { organizationId: town.id, year: 2023 } } });
    await prisma.reportCell.updateMany({ where: { reportId: townReport.id, count: { not: null } }, data: { count: 1 } });
    await prisma.$transaction((tx) => publishWorkingCopy(tx, townReport.id, "test"));
    expect(await prisma.reportRevision.count({ where: { reportId: townReport.id, publishedAt: { not: null } } })).toBe(2);
    expect(await differences(province.id)).toEqual([]);

    // Moves: a department (with the office under it) to the other county, and a county to the province directly.
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    await moveOrganization(admin, { organizationId: department.id, parentId: countyB.id }, prisma);
    await moveOrganization(admin, { organizationId: countyB.id, parentId: province.id }, prisma);
    expect(await differences(province.id)).toEqual([]);
    expect(await wrongReportFacts(province.id)).toEqual([]);

    // The roll-ups read from the totals are the sums over the units' cells.
    const sums = async (governmentId: string) => {
      const kept = await rollupCells(prisma, { governmentId, year: 2023, scope: "all" });
      const fromCells = await rollupCells(prisma, { governmentId, year: 2023, scope: "all", unitIds: kept.unitIds });
      return { kept, fromCells };
    };
    for (const government of [province, city, countyA, countyB]) {
      const { kept, fromCells } = await sums(government.id);
      expect(kept.values, government.name).toEqual(fromCells.values);
    }
    const countyBNow = await sums(countyB.id);
    expect(countyBNow.kept.units).toBe(3); // its township, the department and its office (its own report is not written)
    const departments = await rollupCells(prisma, { governmentId: countyB.id, year: 2023, scope: "departments" });
    const key = "active.penalty.decisions";
    expect(departments.values[key]).toBe(sample.values[key]! * (3 + 4));
    expect(formatCells(format2021).length).toBeGreaterThan(100);
  });

  it("compare like with like: a unit published in one year only is left out of both years' sums", async () => {
    const county = await unit("丙县人民政府", "COUNTY_GOVERNMENT");
    const both = await unit("丙县一镇人民政府", "TOWNSHIP", county.id);
    const onlyThisYear = await unit("丙县二镇人民政府", "TOWNSHIP", county.id);
    const onlyLastYear = await unit("丙县三镇人民政府", "TOWNSHIP", county.id);
    const publish = (slug: string, scale: number, year: number) =>
      importReport(prisma, { organizationSlug: slug, year, parsed: variant(scale), actor: "test", publish: true });
    await publish(both.slug, 1, 2023);
    await publish(both.slug, 2, 2022);
    await publish(onlyThisYear.slug, 10, 2023);
    await publish(onlyLastYear.slug, 20, 2022);
    const supervisor = await signedInActor(prisma, [{ organizationId: county.id, role: "SUPERVISOR" }]);
    const view = await loadGovernmentRollup(supervisor, county.slug, 2023, "all", prisma);
    const key = "active.penalty.decisions";
    expect(view.rollup.values[key]).toBe(sample.values[key]! * 11);
    expect(view.comparison?.units).toBe(1);
    expect(view.comparison?.current.values[key]).toBe(sample.values[key]! * 1);
    expect(view.comparison?.previous.values[key]).toBe(sample.values[key]! * 2);
    expect(view.comparison?.current.unitIds).toEqual([both.id]);

    // More units kept than left out: the totals less the one left out of each year.
    for (const [name, scale] of [["丙县四镇人民政府", 3], ["丙县五镇人民政府", 4]] as const) {
      const more = await unit(name, "TOWNSHIP", county.id);
      await publish(more.slug, scale, 2023);
      await publish(more.slug, scale * 10, 2022);
    }
    const wider = await loadGovernmentRollup(supervisor, county.slug, 2023, "all", prisma);
    expect(wider.comparison?.units).toBe(3);
    expect(wider.comparison?.current.values[key]).toBe(sample.values[key]! * (1 + 3 + 4));
    expect(wider.comparison?.previous.values[key]).toBe(sample.values[key]! * (2 + 30 + 40));
    // Only the compared cells are summed like for like.
    expect(wider.comparison?.current.values["active.fee.amount"]).toBeNull();
  });
});
