// npm run bench: measures, in one run on this machine, a published report page
// against a static file of the same bytes served by the same server (the
// production server, server.ts); the same page with the page cache switched off;
// the database transactions each view costs; and the time from publishing a
// correction to the new revision being served. A benchmark, not a test: it
// prints its figures.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { seedDemo } from "@/lib/demo/seed-demo";
import { publishWorkingCopy } from "@/lib/reports/publish-working-copy";
import { appEnv, run, startServerProcess, stopServerProcess } from "./lib";

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
  app = startServerProcess(PORT, env);
  await waitFor(`${BASE}/`, (s) => s === 200, 60_000);
  const html = await (await fetch(`${BASE}${REPORT}`)).text();
  await stopServerProcess(app);
  mkdirSync("public/__bench", { recursive: true });
  writeFileSync(`public${STATIC}`, html);

  // The same page rendered by Next.js on every request: what the cache saves.
  app = startServerProcess(PORT, { ...env, PAGE_CACHE: "off" });
  await waitFor(`${BASE}${REPORT}`, (s) => s === 200, 60_000);
  const uncachedRun = await load(REPORT);
  await stopServerProcess(app);

  app = startServerProcess(PORT, env);
  await waitFor(`${BASE}${STATIC}`, (s) => s === 200, 60_000);
  await waitFor(`${BASE}${REPORT}`, (s) => s === 200, 10_000);

  const stats = new pg.Client({ connectionString: withDatabaseName(server.url, "postgres") });
  await stats.connect();
  const staticRun = await load(STATIC);
  const before = await transactions(stats, database);
  const reportRun = await load(REPORT);
  // pg_stat_database is updated when a backend reports, within a second or so.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const duringRun = (await transactions(stats, database)) - before;
  await stats.end();

  // Publish a correction of the cached report and time until it is served.
  const reason = `基准测试更正 ${Date.now()}`;
  const report = await prisma.report.findFirstOrThrow({ where: { organization: { slug: "laian-leiguan" }, year: 2023 } });
  const publishedAt = performance.now();
  await prisma.$transaction(async (tx) => {
    await tx.report.update({ where: { id: report.id }, data: { status: "DRAFT", correctionReason: reason } });
    await publishWorkingCopy(tx, report.id, "bench");
  });
  for (;;) {
    if ((await (await fetch(`${BASE}${REPORT}`)).text()).includes(reason)) break;
    if (performance.now() - publishedAt > 30_000) throw new Error("the correction was not served within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const visibleAfter = performance.now() - publishedAt;
  await prisma.$disconnect();

  const ratio = reportRun.rps / staticRun.rps;
  const row = (name: string, run: { rps: number; p99: number }) =>
    console.log(`${name.padEnd(28)} ${run.rps.toFixed(0).padStart(6)} req/s   p99 ${run.p99} ms`);
  console.log(`\nnianbao bench — ${CONNECTIONS} connections, ${DURATION_S} s each, ${html.length} bytes of HTML`);
  row("static file (ceiling)", staticRun);
  row("published report (cached)", reportRun);
  row("same page, cache off", uncachedRun);
  console.log(`throughput ratio ${(ratio * 100).toFixed(1)} % of static (target ≥ 50 %); p99 target ≤ 50 ms`);
  // The listener's periodic health check may land in the run: it is not per view.
  console.log(`database transactions during ${reportRun.requests} cached views: ${duringRun} (target 0 per view)`);
  console.log(`publish correction → served: ${visibleAfter.toFixed(0)} ms (target ≤ 5000 ms)\n`);
} finally {
  if (app && app.exitCode === null) await stopServerProcess(app);
  rmSync("public/__bench", { recursive: true, force: true });
  await dropDatabase(url).catch(() => undefined);
  await server.stop();
}
process.exit(0);
