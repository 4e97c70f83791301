// npm run bench:supervision — a province-sized data set (a province, 10
// cities, 100 counties × 20 units = 2,000 units, 5 years of published
// reports: 2 M published cells and as many in the working copies) in a
// throwaway database, then the status boards of a county, a city and the
// province, a county roll-up and the province-wide roll-up, timed over many
// runs. A benchmark: it prints figures.
import { performance } from "node:perf_hooks";
import type { Actor } from "@/lib/auth/actor";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { format2021, formatCells } from "@/lib/report-format";
import { loadStatusBoard } from "@/lib/supervision/board";
import { rollupCells } from "@/lib/supervision/rollup";

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const UNITS_PER_COUNTY = 19; // + the county government itself = 20
const CITIES = 10;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

// Seeding 2 M cells takes statements far longer than the app's 10 s limit: the bench sets what it needs
// (read when the client is made, below), so that it never stops on the limit.
process.env.DB_STATEMENT_TIMEOUT_MS ??= String(10 * 60_000);

const server = await resolveDatabase();
const url = withDatabaseName(server.url, `nianbao_bench_supervision_${process.pid}`);
const prisma = createPrismaClient(url);

async function seed() {
  const cells = formatCells(format2021);
  const cellValues = cells.map((c) => `('${c.table}','${c.row}','${c.column}',${c.kind === "count"})`).join(",");
  const steps: [string, string][] = [
    ["province", `insert into organization (id, slug, name, short_name, kind, updated_at)
      values (gen_random_uuid(), 'province', '某省人民政府', '某省', 'PROVINCE_GOVERNMENT', now())`],
    ["cities", `insert into organization (id, slug, name, short_name, kind, parent_id, updated_at)
      select gen_random_uuid(), 'city-' || c, '第' || c || '市人民政府', '第' || c || '市', 'CITY_GOVERNMENT', p.id, now()
        from organization p, generate_series(1, ${CITIES}) c where p.slug = 'province'`],
    // Counties under their cities (the database fills in every unit's ancestors as it is inserted).
    ["counties", `insert into organization (id, slug, name, short_name, kind, parent_id, updated_at)
      select gen_random_uuid(), 'county-' || c, '第' || c || '县人民政府', '第' || c || '县', 'COUNTY_GOVERNMENT',
             (select id from organization where slug = 'city-' || ((c - 1) % ${CITIES} + 1)), now()
        from generate_series(1, ${COUNTIES}) c`],
    ["units", `insert into organization (id, slug, name, short_name, kind, parent_id, updated_at)
      select gen_random_uuid(), o.slug || '-' || u, o.short_name || '第' || u || (case when u <= 10 then '镇' else '局' end),
             '第' || u || (case when u <= 10 then '镇' else '局' end),
             (case when u <= 10 then 'TOWNSHIP' else 'DEPARTMENT' end)::"OrganizationKind", o.id, now()
        from organization o, generate_series(1, ${UNITS_PER_COUNTY}) u where o.kind = 'COUNTY_GOVERNMENT'`],
    ["reports", `insert into report (id, organization_id, year, format_version, status, title, updated_at)
      select gen_random_uuid(), o.id, y, '${format2021.version}', 'PUBLISHED', o.name || y || '年政府信息公开工作年度报告', now()
        from organization o, unnest(array[${YEARS.join(",")}]) y where o.kind in ('COUNTY_GOVERNMENT', 'TOWNSHIP', 'DEPARTMENT')`],
    ["sections", `insert into report_section (report_id, section_key, body)
      select r.id, s, r.title || '：' || s || repeat('本年度政务公开工作稳步推进。', 20) from report r, unnest(array['overview','problems','other']) s`],
    ["working-copy cells", `insert into report_cell (report_id, table_key, row_key, column_key, count, amount)
      select r.id, k.t, k.r, k.c, case when k.is_count then (random() * 40)::int end, case when not k.is_count then round((random() * 100)::numeric, 2) end
        from report r, (values ${cellValues}) k(t, r, c, is_count)`],
    ["revisions", `insert into report_revision (id, report_id, number, format_version, title, signature_line, sections)
      select gen_random_uuid(), r.id, 1, r.format_version, r.title, '', jsonb_build_object('overview', r.title) from report r`],
    ["revision cells", `insert into revision_cell (revision_id, table_key, row_key, column_key, count, amount)
      select rv.id, c.table_key, c.row_key, c.column_key, c.count, c.amount from report_revision rv join report_cell c on c.report_id = rv.report_id`],
    ["publication stamps", `update report_revision set published_at = make_date(
        (select year from report where id = report_id) + 1, 1, 20)::timestamptz, index_number = 'BENCH/' || id`],
    ["analyze", "analyze"],
  ];
  for (const [name, sql] of steps) {
    const started = performance.now();
    await prisma.$executeRawUnsafe(sql);
    console.log(`  seeded ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

async function time(label: string, runs: number, target: number, run: (i: number) => Promise<unknown>) {
  await run(0); // warm the connection and the plan cache
  const samples: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  console.log(`${label.padEnd(34)} p50 ${pick(0.5).toFixed(1).padStart(7)} ms   p95 ${pick(0.95).toFixed(1).padStart(7)} ms   (target ≤ ${target} ms)`);
}

try {
  await ensureDatabase(url);
  await migrate(url);
  console.log(`seeding ${COUNTIES} counties × ${UNITS_PER_COUNTY + 1} units × ${YEARS.length} years…`);
  await seed();
  const counties = await prisma.organization.findMany({ where: { kind: "COUNTY_GOVERNMENT" }, select: { id: true, slug: true } });
  const cellCount = await prisma.revisionCell.count();
  const supervisorOf = (countyId: string): Actor => ({
    accountId: "00000000-0000-0000-0000-000000000000",
    username: "bench",
    displayName: "bench",
    isSystemAdmin: false,
    isAuditor: false,
    roles: [{ organizationId: countyId, role: "SUPERVISOR" }],
    sessionId: "bench",
    sourceIp: null,
  });
  console.log(`\nnianbao supervision bench — ${counties.length * (UNITS_PER_COUNTY + 1)} units, ${YEARS.length} years, ${cellCount} published cells, ${RUNS} runs each`);
  const county = (i: number) => counties[i % counties.length]!;
  await time("status board (one county, 20 units)", RUNS, 200, (i) => loadStatusBoard(supervisorOf(county(i).id), county(i).slug, 2025, prisma));
  const city = (i: number) => `city-${(i % CITIES) + 1}`;
  const [province] = await prisma.organization.findMany({ where: { slug: "province" }, select: { id: true } });
  const cityIds = new Map((await prisma.organization.findMany({ where: { kind: "CITY_GOVERNMENT" }, select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  const units = counties.length * (UNITS_PER_COUNTY + 1);
  await time(`city board (${units / CITIES} units below)`, RUNS, 300, (i) => loadStatusBoard(supervisorOf(cityIds.get(city(i))!), city(i), 2025, prisma));
  await time(`province board (${units + CITIES + 1} units)`, Math.max(5, Math.round(RUNS / 3)), 1000, () => loadStatusBoard(supervisorOf(province!.id), "province", 2025, prisma));
  await time("county roll-up (one aggregate)", RUNS, 100, (i) => rollupCells(prisma, { governmentId: county(i).id, year: 2025, scope: "all" }));
  await time(`province roll-up (${units} units)`, Math.max(5, Math.round(RUNS / 3)), 1000, () => rollupCells(prisma, { governmentId: null, year: 2025, scope: "all" }));
} finally {
  await prisma.$disconnect();
  await dropDatabase(url).catch(() => undefined);
  await server.stop();
}
process.exit(0);
