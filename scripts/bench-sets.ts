// npm run bench:sets — the operations that loop over units (notices to every
// unit, 催报, the deadline-reminder run, digests, 补录 of a county, a register
// import), each timed and its SQL statements counted, on a province built
// here in throwaway databases at two sizes (BENCH_SETS_SIZES, default 2,000
// and 10,000 units): a set operation's statement count is the same at both.
// The same operations run as part of bench:province on its data set
// (scripts/bench-province/set-operations.ts). A benchmark: it prints figures.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProvinceDataset, TimedOperation } from "./bench-province/dataset";
import { timeSetOperations } from "./bench-province/set-operations";

const SIZES = (process.env.BENCH_SETS_SIZES ?? "2000,10000").split(",").map(Number);
const CITIES = 10;
const UNITS_PER_COUNTY = 20; // the county government, 10 townships, 9 departments
const YEAR = 2025;

// Seeding statements run longer than the app's 10 s limit; the bench sets what it needs before any client is made.
process.env.DB_STATEMENT_TIMEOUT_MS ??= String(10 * 60_000);
// Mail configured, as in production: every notification also queues its e-mail (written to the outbox, never sent here).
process.env.MAIL_DIR ??= mkdtempSync(path.join(tmpdir(), "nianbao-bench-sets-mail-"));

/**
 * A province of about `units` units: 10 cities, counties of 20 units; a clerk
 * and a reviewer (with e-mail) per unit, a 主管部门 per government; reports
 * of 2021–2024 published, and 2025's in every state (four in ten not started).
 */
async function seed(prisma: PrismaClient, units: number) {
  const counties = Math.max(1, Math.round((units - CITIES - 1) / UNITS_PER_COUNTY));
  const steps: [string, string][] = [
    ["province", `insert into organization (id, slug, name, short_name, kind, updated_at)
      values (gen_random_uuid(), 'province', '某省人民政府', '某省', 'PROVINCE_GOVERNMENT', now())`],
    ["cities", `insert into organization (id, slug, name, short_name, kind, parent_id, updated_at)
      select gen_random_uuid(), 'city-' || c, '某省第' || c || '市人民政府', '第' || c || '市', 'CITY_GOVERNMENT', p.id, now()
        from organization p, generate_series(1, ${CITIES}) c where p.slug = 'province'`],
    ["counties", `insert into organization (id, slug, name, short_name, kind, parent_id, updated_at)
      select gen_random_uuid(), 'county-' || c, '第' || c || '县人民政府', '第' || c || '县', 'COUNTY_GOVERNMENT',
             (select id from organization where slug = 'city-' || ((c - 1) % ${CITIES} + 1)), now()
        from generate_series(1, ${counties}) c`],
    ["units", `insert into organization (id, slug, name, short_name, kind, parent_id, updated_at)
      select gen_random_uuid(), o.slug || '-' || u, o.short_name || '第' || u || (case when u <= 10 then '镇' else '局' end),
             '第' || u || (case when u <= 10 then '镇' else '局' end),
             (case when u <= 10 then 'TOWNSHIP' else 'DEPARTMENT' end)::"OrganizationKind", o.id, now()
        from organization o, generate_series(1, ${UNITS_PER_COUNTY - 1}) u where o.kind = 'COUNTY_GOVERNMENT'`],
    ["accounts", `insert into account (id, username, display_name, password_hash, email, daily_digest, updated_at)
      select gen_random_uuid(), r.prefix || o.slug, r.label || o.short_name, '!', r.prefix || o.slug || '@example.org', r.prefix = 's-', now()
        from organization o, (values ('c-', '填报人'), ('r-', '审核人'), ('s-', '主管部门')) r(prefix, label)
       where r.prefix <> 's-' or o.kind in ('PROVINCE_GOVERNMENT', 'CITY_GOVERNMENT', 'COUNTY_GOVERNMENT')`],
    ["roles", `insert into role_assignment (account_id, organization_id, role)
      select a.id, o.id, (case left(a.username, 2) when 'c-' then 'CLERK' when 'r-' then 'REVIEWER' else 'SUPERVISOR' end)::"Role"
        from account a join organization o on o.slug = substr(a.username, 3)`],
    ["reports", `insert into report (id, organization_id, year, format_version, status, title, updated_at)
      select gen_random_uuid(), o.id, y, '2021',
             (case when y < ${YEAR} then 'PUBLISHED' else (array['DRAFT','DRAFT','SUBMITTED','APPROVED','PUBLISHED','PUBLISHED'])[1 + abs(hashtext(o.slug)) % 6] end)::"ReportStatus",
             o.name || y || '年政府信息公开工作年度报告', now()
        from organization o, generate_series(${YEAR - 4}, ${YEAR}) y
       where o.kind <> 'PROVINCE_GOVERNMENT' and (y < ${YEAR} or abs(hashtext(o.slug || 'started')) % 10 >= 4)`],
    ["revisions", `insert into report_revision (id, report_id, number, format_version, title, signature_line, sections, published_at, index_number)
      select gen_random_uuid(), r.id, 1, r.format_version, r.title, '', '{}'::jsonb, make_date(r.year + 1, 1, 20)::timestamptz, 'BENCH/' || r.id
        from report r where r.status = 'PUBLISHED'`],
    ["analyze", "analyze"],
  ];
  for (const [, sql] of steps) await prisma.$executeRawUnsafe(sql);
}

async function datasetOf(prisma: PrismaClient, databaseUrl: string): Promise<ProvinceDataset> {
  const ids = async (kind: "CITY_GOVERNMENT" | "COUNTY_GOVERNMENT") =>
    (await prisma.organization.findMany({ where: { kind }, orderBy: { slug: "asc" }, select: { id: true } })).map((o) => o.id);
  const province = await prisma.organization.findUniqueOrThrow({ where: { slug: "province" } });
  return {
    databaseUrl,
    provinceId: province.id,
    provinceSlug: province.slug,
    cityIds: await ids("CITY_GOVERNMENT"),
    countyIds: await ids("COUNTY_GOVERNMENT"),
    year: YEAR,
    unitCount: await prisma.organization.count(),
    accountCount: await prisma.account.count(),
  };
}

const server = await resolveDatabase();
const results: { units: number; operations: TimedOperation[] }[] = [];
try {
  for (const size of SIZES) {
    const url = withDatabaseName(server.url, `nianbao_bench_sets_${size}_${process.pid}`);
    const prisma = createPrismaClient(url);
    try {
      await ensureDatabase(url);
      await migrate(url);
      const started = performance.now();
      await seed(prisma, size);
      const dataset = await datasetOf(prisma, url);
      console.log(`seeded ${dataset.unitCount} units, ${dataset.accountCount} accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      results.push({ units: dataset.unitCount, operations: await timeSetOperations(prisma, dataset) });
    } finally {
      await prisma.$disconnect();
      await dropDatabase(url).catch(() => undefined);
    }
  }
} finally {
  await server.stop();
}

console.log(`\nnianbao set operations — ${results.map((r) => `${r.units.toLocaleString("en-US")} units`).join(" and ")}`);
for (const { units, operations } of results) {
  console.log(`\n${units.toLocaleString("en-US")} units`);
  for (const op of operations) {
    console.log(`  ${(op.ms / 1000).toFixed(2).padStart(7)} s ${String(op.queries ?? "—").padStart(7)} statements  ${op.name}: ${op.size ?? ""}`);
  }
}
process.exit(0);
