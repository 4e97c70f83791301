// npm run bench: measures, in one run on this machine, a published report page
// against a static file of the same bytes served by the same server; the
// database transactions each view costs; and the time from publishing to the
// new report being served. A benchmark, not a test: it prints its figures.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { seedDemo } from "@/lib/demo/seed-demo";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { format2021 } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
import { appEnv, run } from "./lib";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const REPORT = "/reports/laian-leiguan/2023";
const STATIC = "/__bench/report.html";
const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

async function waitFor(url: string, ok: (status: number) => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (ok(status)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function startServer(env: Record<string, string>): ChildProcess {
  return spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
}

async function load(path: string) {
  const result = await autocannon({ url: `${BASE}${path}`, connections: CONNECTIONS, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, requests: result.requests.total, bytes: result.throughput.average };
}

async function transactions(client: pg.Client, database: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    "select xact_commit + xact_rollback as n from pg_stat_database where datname = $1",
    [database],
  );
  return Number(rows[0]?.n ?? 0);
}

const server = await resolveDatabase();
const database = `nianbao_bench_${process.pid}`;
const url = withDatabaseName(server.url, database);
let app: ChildProcess | undefined;
try {
  await ensureDatabase(url);
  await migrate(url);
  const prisma = createPrismaClient(url);
  await seedDemo(prisma);
  if (process.argv.includes("--rebuild") || !(await import("node:fs")).existsSync(".next/BUILD_ID")) {
    if ((await run("node_modules/.bin/next", ["build"])) !== 0) throw new Error("build failed");
  }
  const env = appEnv(url, String(PORT));

  // The ceiling: the same bytes as a static file from the same server.
  app = startServer(env);
  await waitFor(`${BASE}/`, (s) => s === 200, 60_000);
  const html = await (await fetch(`${BASE}${REPORT}`)).text();
  app.kill();
  mkdirSync("public/__bench", { recursive: true });
  writeFileSync(`public${STATIC}`, html);
  app = startServer(env);
  await waitFor(`${BASE}${STATIC}`, (s) => s === 200, 60_000);
  await waitFor(`${BASE}${REPORT}`, (s) => s === 200, 10_000);

  const stats = new pg.Client({ connectionString: withDatabaseName(server.url, "postgres") });
  await stats.connect();
  const staticRun = await load(STATIC);
  const before = await transactions(stats, database);
  const reportRun = await load(REPORT);
  // pg_stat_database is updated when a backend reports, within a second or so.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const perView = ((await transactions(stats, database)) - before) / reportRun.requests;
  await stats.end();

  // Publish a new report and time until the server serves it.
  const parsed = parseTextReport(readFileSync("prisma/demo/leiguan-2023.txt", "utf8"), format2021);
  const publishedAt = performance.now();
  await importReport(prisma, { organizationSlug: "laian-xinan", year: 2024, parsed, actor: "bench", publish: true });
  const visibleAfter = performance.now() - publishedAt;
  const waited = await waitFor(`${BASE}/reports/laian-xinan/2024`, (s) => s === 200, 30_000);
  await prisma.$disconnect();

  const ratio = reportRun.rps / staticRun.rps;
  console.log(`\nnianbao bench — ${CONNECTIONS} connections, ${DURATION_S} s each, ${html.length} bytes of HTML`);
  console.log(`static file      ${staticRun.rps.toFixed(0).padStart(6)} req/s   p99 ${staticRun.p99} ms`);
  console.log(`published report ${reportRun.rps.toFixed(0).padStart(6)} req/s   p99 ${reportRun.p99} ms`);
  console.log(`throughput ratio ${(ratio * 100).toFixed(1)} % of static (target ≥ 50 %); p99 target ≤ 50 ms`);
  console.log(`database transactions per view: ${perView.toFixed(2)} (target 0)`);
  console.log(`publish → served: ${(visibleAfter + waited).toFixed(0)} ms (target ≤ 5000 ms)\n`);
} finally {
  app?.kill();
  rmSync("public/__bench", { recursive: true, force: true });
  await dropDatabase(url).catch(() => undefined);
  await server.stop();
}
process.exit(0);
