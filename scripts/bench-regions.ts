// npx tsx --conditions=react-server scripts/bench-regions.ts — the public
// site by region at the size of a province, in a throwaway database: 1
// province, 16 cities, 112 counties, about 10,000 units; reports for 5 years,
// published, and the cells of one year (2 M). Times the queries behind the
// home page, a government's page at each level, its comparison and search
// within a region, then drops the database. A benchmark: it prints figures.
//   BENCH_KEEP=1 keeps the database (its URL is printed) to look at the pages.
import { performance } from "node:perf_hooks";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { runtimeRoleUrl } from "@/lib/db/roles";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { metricGroups } from "@/lib/report-format/metrics";
import { format2021, formatCells } from "@/lib/report-format";

const CITIES = 16;
const COUNTIES_PER_CITY = 7;
const TOWNSHIPS_PER_COUNTY = 15;
const DEPARTMENTS = { province: 50, city: 40, county: 70 };
const YEARS = [2021, 2022, 2023, 2024, 2025];
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

// Seeding takes statements far longer than the app's 10 s limit.
process.env.DB_STATEMENT_TIMEOUT_MS ??= String(10 * 60_000);

const server = await resolveDatabase();
const url = withDatabaseName(server.url, `nianbao_bench_regions_${process.pid}`);

function seedSteps(): [string, string][] {
  const cells = formatCells(format2021);
  const cellValues = cells.map((c) => `('${c.table}','${c.row}','${c.column}',${c.kind === "count"})`).join(",");
  const unit = (kind: string, parentKind: string, count: number, name: string, slug: string) =>
    `insert into organization (id, slug, name, short_name, kind, parent_id, updated_at)
       select gen_random_uuid(), p.slug || '-${slug}' || n, p.short_name || '${name}' || n, '${name}' || n, '${kind}', p.id, now()
         from organization p, generate_series(1, ${count}) n where p.kind = '${parentKind}'`;
  return [
    ["province", `insert into organization (id, slug, name, short_name, kind, region_code, updated_at)
       values (gen_random_uuid(), 'sheng', '某省人民政府', '某省', 'PROVINCE_GOVERNMENT', '340000', now())`],
    ["cities", `insert into organization (id, slug, name, short_name, kind, region_code, parent_id, updated_at)
       select gen_random_uuid(), 'city' || c, '第' || c || '市人民政府', '第' || c || '市', 'CITY_GOVERNMENT', (3400 + c)::text || '00', p.id, now()
         from organization p, generate_series(1, ${CITIES}) c where p.kind = 'PROVINCE_GOVERNMENT'`],
    ["counties", `insert into organization (id, slug, name, short_name, kind, region_code, parent_id, updated_at)
       select gen_random_uuid(), p.slug || '-county' || c, p.short_name || '第' || c || '县人民政府', '第' || c || '县', 'COUNTY_GOVERNMENT',
              left(p.region_code, 4) || lpad(c::text, 2, '0'), p.id, now()
         from organization p, generate_series(1, ${COUNTIES_PER_CITY}) c where p.kind = 'CITY_GOVERNMENT'`],
    ["townships", unit("TOWNSHIP", "COUNTY_GOVERNMENT", TOWNSHIPS_PER_COUNTY, "镇", "town")],
    ["county departments", unit("DEPARTMENT", "COUNTY_GOVERNMENT", DEPARTMENTS.county, "局", "dept")],
    ["city departments", unit("DEPARTMENT", "CITY_GOVERNMENT", DEPARTMENTS.city, "局", "dept")],
    ["province departments", unit("DEPARTMENT", "PROVINCE_GOVERNMENT", DEPARTMENTS.province, "厅", "dept")],
    // Four units in five publish each year: the counts have something to count.
    ["reports", `insert into report (id, organization_id, year, format_version, status, title, updated_at)
       select gen_random_uuid(), o.id, y, '${format2021.version}', 'PUBLISHED', o.name || y || '年政府信息公开工作年度报告', now()
         from organization o, unnest(array[${YEARS.join(",")}]) y where (hashtext(o.slug || y) & 7) <> 0`],
    ["revisions", `insert into report_revision (id, report_id, number, format_version, title, signature_line, sections)
       select gen_random_uuid(), r.id, 1, r.format_version, r.title, '', jsonb_build_object('overview', r.title) from report r`],
    ["revision cells (2025)", `insert into revision_cell (revision_id, table_key, row_key, column_key, count, amount)
       select rv.id, k.t, k.r, k.c, case when k.is_count then (random() * 40)::int end, case when not k.is_count then round((random() * 100)::numeric, 2) end
         from report_revision rv join report r on r.id = rv.report_id, (values ${cellValues}) k(t, r, c, is_count) where r.year = 2025`],
    ["publication stamps", `update report_revision set published_at = make_date((select year from report where id = report_id) + 1, 1, 20)::timestamptz,
       index_number = 'BENCH/' || id`],
    ["analyze", "analyze"],
  ];
}

async function time(label: string, run: (i: number) => Promise<unknown>) {
  await run(0); // warm the connection and the plan cache
  const samples: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  console.log(`${label.padEnd(46)} p50 ${pick(0.5).toFixed(1).padStart(7)} ms   p95 ${pick(0.95).toFixed(1).padStart(7)} ms`);
}

const keep = process.env.BENCH_KEEP === "1";
try {
  await ensureDatabase(url);
  await migrate(url);
  const owner = createPrismaClient(url);
  console.log("seeding a province…");
  for (const [name, sql] of seedSteps()) {
    const started = performance.now();
    await owner.$executeRawUnsafe(sql);
    console.log(`  seeded ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await owner.$disconnect();
  // Measured as the app runs: its runtime role, its client (read by db() from DATABASE_URL).
  const appUrl = await runtimeRoleUrl(url);
  process.env.DATABASE_URL = appUrl;
  const { db } = await import("@/lib/db/client");
  const { getRegionPage } = await import("@/lib/regions/get-region");
  const { listTopRegions, portalHasRegions } = await import("@/lib/regions/list-top-regions");
  const { listRegionOptions, findRegion } = await import("@/lib/regions/list-region-options");
  const { getGovernmentYear } = await import("@/lib/comparison/queries");
  const { listPublishedReports } = await import("@/lib/reports/queries");
  const prisma = db();
  const units = await prisma.organization.count();
  const reports = await prisma.report.count();
  const cities = await prisma.organization.findMany({ where: { kind: "CITY_GOVERNMENT" }, select: { slug: true, id: true } });
  const counties = await prisma.organization.findMany({ where: { kind: "COUNTY_GOVERNMENT" }, select: { slug: true, id: true } });
  const city = (i: number) => cities[i % cities.length]!;
  const county = (i: number) => counties[i % counties.length]!;
  console.log(`\nnianbao regions bench — ${units} units, ${reports} published reports, ${RUNS} runs each`);
  await time("home: has regions + top of the tree", async () => (await portalHasRegions()) && listTopRegions());
  await time("province page (latest year)", () => getRegionPage("sheng"));
  await time("city page (latest year)", (i) => getRegionPage(city(i).slug));
  await time("county page (2024)", (i) => getRegionPage(county(i).slug, 2024));
  // The page reads the cells its figures sum; the CSV reads every cell.
  const figures = metricGroups(format2021).flatMap((g) => g.metrics).flatMap((m) => m.cells);
  await time("compare page: province's units (2025)", () => getGovernmentYear("sheng", 2025, figures));
  await time("compare page: a city's units (2025)", (i) => getGovernmentYear(city(i).slug, 2025, figures));
  await time("compare page: a county's units (2025)", (i) => getGovernmentYear(county(i).slug, 2025, figures));
  await time("compare CSV: a county's units (2025)", (i) => getGovernmentYear(county(i).slug, 2025));
  await time("search: region options + find", async (i) => Promise.all([listRegionOptions(), findRegion(city(i).slug)]));
  await time("search: a name within a city", (i) => listPublishedReports({ q: "镇1", regionId: city(i).id }));
  await time("search: a year within a county", (i) => listPublishedReports({ year: 2024, regionId: county(i).id }));
  await time("search: everything in the province (cap 2000)", async () => listPublishedReports({ regionId: (await findRegion("sheng"))!.id }));
  await prisma.$disconnect();
  if (keep) console.log(`\nkept: ${appUrl}`);
} finally {
  if (!keep) await dropDatabase(url).catch(() => undefined);
  await server.stop();
}
process.exit(0);
