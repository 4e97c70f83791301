// The province-sized data set, loaded once into its own database
// (nianbao_bench_province; nianbao_bench_province_<units> for a smaller shape)
// and reused while its shape, this loader and the migrations are unchanged:
// what it was loaded with is kept as the database's comment and compared on
// each run. The load writes what the product's write paths would, in bulk
// (see plan.ts for the states, load-*.ts for each table), times each phase,
// and ends as a bulk loader must: the roll-up totals rebuilt from the cells
// and each report's findings stored for its version.
import pg from "pg";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { databaseName, withDatabaseName } from "@/lib/db/server";
import type { ProvinceDataset } from "./dataset";
import { provinceShape, provinceUnits, FULL_UNITS, type ProvinceShape } from "./shape";
import { planAccounts, planReports } from "./plan";
import { phases } from "./load-sql";
import { loadAccounts, loadDeadlines, loadUnits } from "./load-people";
import { loadPlanTables, loadReports } from "./load-reports";
import { loadCatalog } from "./load-catalog";
import { loadAuditEvents, stampPublications } from "./load-publication";
import { storeFindings } from "./load-findings";

/** Bump when the loader writes something different: a kept database is then loaded again. */
const LOADER_VERSION = 2;
/** 1,000,000 catalog items at full size, as bench:catalog has them. */
const CATALOG_ITEMS_PER_UNIT_YEAR = 20;

export interface LoadOptions {
  serverUrl: string;
  units: number;
  currentYear: number;
  rebuild: boolean;
  log: (line: string) => void;
}

export interface LoadedProvince extends ProvinceDataset {
  shape: ProvinceShape;
  /** Seconds the load took, or null when a kept database was reused. */
  loadSeconds: number | null;
  databaseSize: string;
}

interface Marker {
  loader: number;
  units: number;
  years: number[];
  migrations: string[];
}

async function readMarker(url: string): Promise<Marker | null> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      "select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1",
      [databaseName(url)],
    );
    return rows[0]?.comment ? (JSON.parse(rows[0].comment) as Marker) : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

export async function ensureProvince(options: LoadOptions): Promise<LoadedProvince> {
  const shape = provinceShape(options.units, options.currentYear);
  const url = withDatabaseName(options.serverUrl, options.units === FULL_UNITS ? "nianbao_bench_province" : `nianbao_bench_province_${options.units}`);
  const wanted: Marker = { loader: LOADER_VERSION, units: shape.units, years: shape.years, migrations: listMigrations().map((m) => m.name) };
  const kept = await readMarker(url);
  let loadSeconds: number | null = null;
  if (!options.rebuild && kept && JSON.stringify(kept) === JSON.stringify(wanted)) {
    options.log(`Reusing ${databaseName(url)} (loaded earlier with this shape; BENCH_REBUILD=1 loads it again).`);
  } else {
    options.log(kept ? `Loading ${databaseName(url)} again (${options.rebuild ? "asked to" : "its shape, the loader or the migrations changed"}).` : `Loading ${databaseName(url)}.`);
    await dropDatabase(url);
    await ensureDatabase(url);
    await migrate(url);
    loadSeconds = await load(url, shape, options.log);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`comment on database "${databaseName(url)}" is ${client.escapeLiteral(JSON.stringify(wanted))}`);
    await client.end();
  }
  return { ...(await describe(url, shape)), loadSeconds };
}

async function load(url: string, shape: ProvinceShape, log: (line: string) => void): Promise<number> {
  const { phase, total } = phases(log);
  const units = provinceUnits(shape);
  const accounts = planAccounts(shape, units);
  const plan = await phase("plan (units, people, states)", async () => planReports(shape, units, accounts, new Date()));
  log(`  ${units.length} units, ${accounts.length} accounts, ${plan.reports.length} reports, ${plan.revisions.length} revisions, ${plan.events.length} step events`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A loader's session: no per-commit flush, room to sort when building indexes.
    await client.query("set synchronous_commit = off; set maintenance_work_mem = '512MB'; set work_mem = '64MB'");
    const since = new Date(Date.UTC(shape.years[0]!, 0, 1));
    await phase("units (ancestors filled by the tree trigger)", () => loadUnits(client, units, since));
    await phase("accounts and roles", () => loadAccounts(client, accounts, since));
    await phase("deadline settings", () => loadDeadlines(client, shape, units[0]!.id));
    await phase("plan tables and report templates", () => loadPlanTables(client, units, plan.reports, plan.revisions));
    await loadReports(client, phase);
    await loadCatalog(client, phase, shape.years, CATALOG_ITEMS_PER_UNIT_YEAR);
    await phase("publication stamps, index numbers, log", () => stampPublications(client));
    await phase("audit log", () => loadAuditEvents(client, plan.events));
    await phase("analyze", () => client.query("analyze"));
    await phase("roll-up totals (rollup_rebuild)", () => client.query("select rollup_rebuild()"));
    await phase("stored findings (refreshStoredFindings)", () => storeFindings(url, log));
    // The visibility map set and the statistics fresh, as a database that has been running a while has them.
    await phase("vacuum analyze", () => client.query("vacuum analyze"));
  } finally {
    await client.end();
  }
  log(`  loaded in ${total().toFixed(0)} s`);
  return total();
}

async function describe(url: string, shape: ProvinceShape): Promise<Omit<LoadedProvince, "loadSeconds">> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const governments = await client.query<{ id: string; slug: string; kind: string }>(
      "select id, slug, kind from organization where kind in ('PROVINCE_GOVERNMENT', 'CITY_GOVERNMENT', 'COUNTY_GOVERNMENT') order by slug",
    );
    const { rows: counts } = await client.query<{ units: number; accounts: number; size: string }>(
      "select (select count(*)::int from organization) as units, (select count(*)::int from account) as accounts, pg_size_pretty(pg_database_size(current_database())) as size",
    );
    const province = governments.rows.find((g) => g.kind === "PROVINCE_GOVERNMENT")!;
    return {
      databaseUrl: url,
      provinceId: province.id,
      provinceSlug: province.slug,
      cityIds: governments.rows.filter((g) => g.kind === "CITY_GOVERNMENT").map((g) => g.id),
      countyIds: governments.rows.filter((g) => g.kind === "COUNTY_GOVERNMENT").map((g) => g.id),
      year: shape.years.at(-1)!,
      unitCount: counts[0]!.units,
      accountCount: counts[0]!.accounts,
      shape,
      databaseSize: counts[0]!.size,
    };
  } finally {
    await client.end();
  }
}
