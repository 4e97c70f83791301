// The deadline day's data set, in a throwaway database: the demo (its
// province, 来安县, the published 雷官镇 report and the portal), then bench
// counties of township and department units under 滁州市, each unit with its
// 2024 report published and its 2025 report a draft, its clerks (a second
// clerk for every eighth unit, so that two people edit one report and some
// saves meet a newer version), and a 主管部门 per county. A few units at the
// end of the last county are the publishing units: a clerk and a reviewer
// who correct, submit, approve and publish over and over. Everything goes
// through the product's own code (seedDemo, importReport), except the
// accounts, which share one password hash so that seeding hundreds of them
// does not cost hundreds of argon2 runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { demoNarrative } from "@/lib/demo/demo-narratives";
import { seedDemo } from "@/lib/demo/seed-demo";
import { parseTextReport, type ParsedReport } from "@/lib/import/parse-text-report";
import { formatForYear, withComputedTotals } from "@/lib/report-format";
import { importReport, requireFormatForYear } from "@/lib/reports/import-report";

export const BENCH_PASSWORD = "Deadline-day-2026";
export const YEAR = 2025;
const UNITS_PER_COUNTY = 19;
/** A unit whose index is 7 modulo 8 is edited by the previous unit's second clerk instead. */
export const SHARED_EVERY = 8;

export interface BenchUnit {
  index: number;
  slug: string;
  county: string;
  draftId: string;
  clerk: string;
  /** The second clerk of the unit (every unit has one; only some are used). */
  secondClerk: string;
}

export interface BenchData {
  units: BenchUnit[];
  publishing: (BenchUnit & { reviewer: string; publishedId: string })[];
  counties: { slug: string; supervisor: string }[];
}

/** Units whose 2024 and 2025 narratives the demo writes: the sources of the bench units' text. */
const SOURCES = [
  "laian-shunshan", "laian-jiaoti", "laian-gongan", "laian", "anhui", "anhui-caizheng", "anhui-jiaoyu", "chuzhou",
  "chuzhou-caizheng", "chuzhou-shengtai", "quanjiao", "quanjiao-xianghe", "quanjiao-wugang", "quanjiao-minzheng",
  "langya", "langya-langya", "huangshan",
];
/** The sources' names (full, then short), replaced by the bench unit's. */
const SOURCE_NAMES: Record<string, { name: string; shortName: string }> = {};

/**
 * A unit's own words for a year: each of its sections from a different demo
 * unit, the source's name replaced by its own, so that within a county the
 * texts differ as real offices' do (two of nineteen units share one section).
 */
function narrativeFor(unit: { index: number; name: string; shortName: string }, year: number, figures: { license: number; penalty: number; enforcement: number }) {
  const pick = (offset: number) => SOURCES[(unit.index + offset) % SOURCES.length]!;
  const text = (slug: string, key: "overview" | "problems" | "other") => {
    const source = SOURCE_NAMES[slug];
    const words = demoNarrative(slug, year, figures)[key];
    return source ? words.replaceAll(source.name, unit.name).replaceAll(source.shortName, unit.shortName) : words;
  };
  return { overview: text(pick(0), "overview"), problems: text(pick(5), "problems"), other: text(pick(11), "other") };
}

function reportOf(sample: ParsedReport, unit: { index: number; name: string; shortName: string }, year: number): ParsedReport {
  const format = formatForYear(year)!;
  const scale = 1 + (unit.index % 5) + (year % 2);
  const values = withComputedTotals(format, Object.fromEntries(Object.entries(sample.values).map(([k, v]) => [k, v === null ? null : v * scale])));
  const figures = {
    license: values["active.license.decisions"] ?? 0,
    penalty: values["active.penalty.decisions"] ?? 0,
    enforcement: values["active.enforcement.decisions"] ?? 0,
  };
  return {
    ...sample,
    title: `${unit.name}${year}年政府信息公开工作年度报告`,
    sections: { ...sample.sections, ...narrativeFor(unit, year, figures) },
    values,
    signatureLine: unit.name,
    signedOn: `${year + 1}-01-20`,
    preamble: "",
    issues: [],
    notes: [],
    guessed: [],
  };
}

/** Runs tasks with at most `width` at once. */
async function inPool<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}

export async function seedDeadlineDay(prisma: PrismaClient, options: { clerkUnits: number; publishingUnits: number }): Promise<BenchData> {
  await seedDemo(prisma);
  for (const source of await prisma.organization.findMany({ where: { slug: { in: SOURCES } }, select: { slug: true, name: true, shortName: true } })) {
    SOURCE_NAMES[source.slug] = { name: source.name, shortName: source.shortName };
  }
  const sample = parseTextReport(readFileSync(path.resolve("prisma/demo/leiguan-2023.txt"), "utf8"), requireFormatForYear(2023));
  const city = await prisma.organization.findUniqueOrThrow({ where: { slug: "chuzhou" } });
  const total = options.clerkUnits + options.publishingUnits;
  const countyCount = Math.ceil(total / UNITS_PER_COUNTY);
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const counties: BenchData["counties"] = [];
  const placed: { index: number; slug: string; name: string; shortName: string; county: string; id: string }[] = [];
  for (let c = 1; c <= countyCount; c++) {
    const county = await prisma.organization.create({
      data: { slug: `bench-county-${c}`, name: `演练第${c}县人民政府`, shortName: `演练第${c}县`, kind: "COUNTY_GOVERNMENT", parentId: city.id },
    });
    counties.push({ slug: county.slug, supervisor: `bench-supervisor-${c}` });
    for (let u = 1; u <= UNITS_PER_COUNTY && placed.length < total; u++) {
      const township = u <= 10;
      const shortName = township ? `演${c}第${u}镇` : `演${c}第${u}局`;
      const unit = await prisma.organization.create({
        data: {
          slug: `bench-${c}-${u}`,
          name: township ? `演练第${c}县${shortName}人民政府` : `演练第${c}县${shortName}`,
          shortName,
          kind: township ? "TOWNSHIP" : "DEPARTMENT",
          parentId: county.id,
        },
      });
      placed.push({ index: placed.length, slug: unit.slug, name: unit.name, shortName, county: county.slug, id: unit.id });
    }
  }

  const accounts: { username: string; displayName: string; organizationId: string; role: "CLERK" | "REVIEWER" | "SUPERVISOR" }[] = [];
  for (const unit of placed) {
    accounts.push({ username: `bench-clerk-${unit.index}`, displayName: `${unit.shortName}填报人`, organizationId: unit.id, role: "CLERK" });
    accounts.push({ username: `bench-clerk-${unit.index}b`, displayName: `${unit.shortName}填报人乙`, organizationId: unit.id, role: "CLERK" });
    if (unit.index >= options.clerkUnits) {
      accounts.push({ username: `bench-reviewer-${unit.index}`, displayName: `${unit.shortName}审核人`, organizationId: unit.id, role: "REVIEWER" });
    }
  }
  const countyIds = new Map((await prisma.organization.findMany({ where: { slug: { in: counties.map((c) => c.slug) } } })).map((o) => [o.slug, o.id]));
  counties.forEach((county, i) =>
    accounts.push({ username: county.supervisor, displayName: `演练第${i + 1}县政务公开办`, organizationId: countyIds.get(county.slug)!, role: "SUPERVISOR" }),
  );
  await prisma.account.createMany({
    data: accounts.map((a) => ({ username: a.username, displayName: a.displayName, passwordHash, email: `${a.username}@example.org` })),
  });
  const accountIds = new Map((await prisma.account.findMany({ where: { username: { startsWith: "bench-" } }, select: { id: true, username: true } })).map((a) => [a.username, a.id]));
  await prisma.roleAssignment.createMany({
    data: accounts.map((a) => ({ accountId: accountIds.get(a.username)!, organizationId: a.organizationId, role: a.role })),
  });

  const drafts = new Map<string, string>();
  const published = new Map<string, string>();
  await inPool(placed, 3, async (unit) => {
    await importReport(prisma, { organizationSlug: unit.slug, year: YEAR - 1, parsed: reportOf(sample, unit, YEAR - 1), actor: "system:bench", publish: true, publishedAt: new Date(`${YEAR}-01-20T10:00:00+08:00`) })
      .then((r) => published.set(unit.slug, r.reportId));
    // A publishing unit corrects its published report; the others write their draft.
    if (unit.index < options.clerkUnits) {
      const { reportId } = await importReport(prisma, { organizationSlug: unit.slug, year: YEAR, parsed: reportOf(sample, unit, YEAR), actor: "system:bench", publish: false });
      drafts.set(unit.slug, reportId);
    }
  });
  const benchUnit = (unit: (typeof placed)[number], draftId: string): BenchUnit => ({
    index: unit.index,
    slug: unit.slug,
    county: unit.county,
    draftId,
    clerk: `bench-clerk-${unit.index}`,
    secondClerk: `bench-clerk-${unit.index}b`,
  });
  await prisma.$executeRawUnsafe("analyze");
  return {
    units: placed.filter((u) => u.index < options.clerkUnits).map((u) => benchUnit(u, drafts.get(u.slug)!)),
    publishing: placed
      .filter((u) => u.index >= options.clerkUnits)
      .map((u) => ({ ...benchUnit(u, published.get(u.slug)!), reviewer: `bench-reviewer-${u.index}`, publishedId: published.get(u.slug)! })),
    counties,
  };
}
