// A province in small, for the public region pages: 省 → 市 → two counties,
// each with a township and a department, and a department at every level
// above. Slugs are unique per call, so tests share the database safely.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { format2021 } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
import { uniqueSlug } from "../helpers";

const parsed = parseTextReport(readFileSync(path.resolve(__dirname, "../../../prisma/demo/leiguan-2023.txt"), "utf8"), format2021);

export async function createRegionTree(prisma: PrismaClient) {
  const tag = uniqueSlug("t").slice(2);
  const unit = (slug: string, name: string, shortName: string, kind: OrganizationKind, parentId: string | null) =>
    prisma.organization.create({
      data: { slug: `${slug}-${tag}`, name, shortName, kind, parentId },
      select: { id: true, slug: true, name: true, kind: true },
    });
  const province = await unit("prov", `测试省${tag}人民政府`, "测试省", "PROVINCE_GOVERNMENT", null);
  const provinceDept = await unit("prov-fgw", `测试省${tag}发展和改革委员会`, "省发改委", "DEPARTMENT", province.id);
  const city = await unit("city", `测试市${tag}人民政府`, "测试市", "CITY_GOVERNMENT", province.id);
  const cityDept = await unit("city-czj", `测试市${tag}财政局`, "市财政局", "DEPARTMENT", city.id);
  const county = await unit("county", `甲县${tag}人民政府`, "甲县", "COUNTY_GOVERNMENT", city.id);
  const town = await unit("county-town", `甲县${tag}东镇人民政府`, "东镇", "TOWNSHIP", county.id);
  const countyDept = await unit("county-czj", `甲县${tag}财政局`, "甲县财政局", "DEPARTMENT", county.id);
  const neighbour = await unit("neighbour", `乙县${tag}人民政府`, "乙县", "COUNTY_GOVERNMENT", city.id);
  const neighbourTown = await unit("neighbour-town", `乙县${tag}西镇人民政府`, "西镇", "TOWNSHIP", neighbour.id);
  const neighbourDept = await unit("neighbour-czj", `乙县${tag}财政局`, "乙县财政局", "DEPARTMENT", neighbour.id);
  return { province, provinceDept, city, cityDept, county, town, countyDept, neighbour, neighbourTown, neighbourDept };
}

/** Publishes a report for the unit and year, with `licences` in 行政许可 to tell the units apart in a comparison. */
export async function publishReport(prisma: PrismaClient, unit: { slug: string; name: string }, year: number, licences = 1) {
  await importReport(prisma, {
    organizationSlug: unit.slug,
    year,
    parsed: {
      ...parsed,
      title: `${unit.name}${year}年政府信息公开工作年度报告`,
      signedOn: `${year + 1}-01-20`,
      values: { ...parsed.values, "active.license.decisions": licences },
    },
    actor: "test",
    publish: true,
  });
}

/** A draft that must never be counted or shown. */
export async function draftReport(prisma: PrismaClient, unit: { slug: string; name: string }, year: number) {
  await importReport(prisma, { organizationSlug: unit.slug, year, parsed: { ...parsed, title: `${unit.name}${year}年政府信息公开工作年度报告` }, actor: "test", publish: false });
}
