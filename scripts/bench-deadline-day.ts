// npm run bench:deadline-day — the crunch before the deadline, against one
// app instance and then two on one PostgreSQL: clerks with open editors
// autosaving (a few cells and a sentence a round, a pause, the whole draft
// sent through the editor's own Server Action with the version it last got
// back), a unit's clerk and reviewer correcting, submitting, approving and
// publishing, 主管部门 reloading their boards, citizens reading a cached
// published report and a region's page — all to 127.0.0.1, a fixed time per
// step, the number of clerks raised step by step. After each step the
// database is checked: every acknowledged save is there, once, and nothing
// else. Then pgbench measures what the same PostgreSQL does on its own with
// as many clients. A benchmark: it prints figures.
//
//   DEADLINE_STEPS=8,16,32,64,128  clerks per step
//   DEADLINE_SECONDS=20            per step
//   DEADLINE_PAUSE_MS=200-600      a clerk's pause before each save (uniform)
//   DEADLINE_INSTANCES=1,2         rounds, by number of app instances
//   DEADLINE_PGBENCH_SECONDS=10    per client count (0: no pgbench)
//   DEADLINE_PUBLISHERS=2 DEADLINE_BOARDS=2 DEADLINE_CITIZENS=4   the rest of the crowd
//   DEADLINE_PORT=3500             the first instance's port (the second: +1)
//   DEADLINE_CPU_PROF=<dir>        the first instance writes a CPU profile there when it stops
//   --rebuild                      run `next build` even when a build exists
import { existsSync } from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { runtimeRoleUrl } from "@/lib/db/roles";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { assertLocalDatabase } from "../tests/assert-local-database";
import { appEnv, run, startServerProcess, stopServerProcess } from "./lib";
import { BENCH_PASSWORD, SHARED_EVERY, YEAR, seedDeadlineDay } from "./bench-deadline-day/seed";
import { readActionManifest, signIn } from "./bench-deadline-day/http-client";
import { Clerk, PublishingUnit, StepRecord, reader, type Actions } from "./bench-deadline-day/traffic";
import { snapshot, verifyStep } from "./bench-deadline-day/verify";
import { Pgbench } from "./bench-deadline-day/pgbench";
import { ProcessSetCpu, processTreeCpuMs } from "./bench-deadline-day/process-cpu";
import { formatStep, percentile, printSummary, type StepResult } from "./bench-deadline-day/report";

const STEPS = (process.env.DEADLINE_STEPS ?? "8,16,32,64,128").split(",").map(Number);
const SECONDS = Number(process.env.DEADLINE_SECONDS ?? 20);
const [PAUSE_LOW, PAUSE_HIGH] = (process.env.DEADLINE_PAUSE_MS ?? "200-600").split("-").map(Number) as [number, number];
const ROUNDS = (process.env.DEADLINE_INSTANCES ?? "1,2").split(",").map(Number);
const PGBENCH_SECONDS = Number(process.env.DEADLINE_PGBENCH_SECONDS ?? 10);
// The server allows 100 connections; the app's pools and the other users of the machine keep some.
const PGBENCH_MAX_CLIENTS = 64;
const PORT = Number(process.env.DEADLINE_PORT ?? 3500);
const PUBLISHING_UNITS = Number(process.env.DEADLINE_PUBLISHERS ?? 2);
const SUPERVISORS = Number(process.env.DEADLINE_BOARDS ?? 2);
const CITIZENS = Number(process.env.DEADLINE_CITIZENS ?? 4);
const CITIZEN_PAUSE_MS = 100;
const REPORTS_PER_REGION_PAGE = 7;
/** A 主管部门 reloads the board every few seconds at most. */
const BOARD_PAUSE_MS = 2000;
const CACHED_REPORT = "/reports/laian-leiguan/2023";
const REGION = "/regions/bench-county-1";

async function waitUntilServing(origin: string) {
  const started = performance.now();
  while ((await fetch(`${origin}${CACHED_REPORT}`).then((r) => r.status, () => 0)) !== 200) {
    if (performance.now() - started > 90_000) throw new Error(`${origin} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // Read it until the instance keeps it (its LISTEN connection may come up a moment after it answers).
  for (let i = 0; i < 50; i++) {
    const response = await fetch(`${origin}${CACHED_REPORT}`);
    await response.arrayBuffer();
    if (response.headers.get("x-nianbao-cache") === "HIT") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sequential reads of a page with nothing else running: its unloaded latency. */
async function unloaded(origin: string, path: string, cookie: string | null, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {} });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function inPool<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}

if (process.argv.includes("--rebuild") || !existsSync(".next/BUILD_ID")) {
  if ((await run("node_modules/.bin/next", ["build"])) !== 0) throw new Error("build failed");
}
const startedAt = performance.now();
const server = await resolveDatabase();
assertLocalDatabase(server.url);
const url = withDatabaseName(server.url, `nianbao_bench_deadline_${process.pid}`);
const pgbench = new Pgbench(server.url);
const instances: ChildProcess[] = [];
try {
  await ensureDatabase(url);
  await migrate(url);
  const appUrl = await runtimeRoleUrl(url);
  const prisma = createPrismaClient(appUrl);
  const maxClerks = Math.max(...STEPS);
  const data = await seedDeadlineDay(prisma, { clerkUnits: maxClerks, publishingUnits: PUBLISHING_UNITS });
  console.log(`seeded ${data.units.length + data.publishing.length} units in ${data.counties.length} counties in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);

  const manifest = readActionManifest();
  const action = (key: string) => manifest.get(key) ?? (() => { throw new Error(`no action ${key} in the build: npm run bench:deadline-day -- --rebuild`); })();
  const actions: Actions = {
    save: action("lib/reports/actions.ts#saveReportAction"),
    correct: action("lib/reports/steps/actions.ts#startCorrectionAction"),
    submit: action("lib/reports/steps/actions.ts#submitReportAction"),
    approve: action("lib/reports/steps/actions.ts#approveReportAction"),
  };

  const origins = [PORT, PORT + 1].map((port) => `http://127.0.0.1:${port}`);
  const env = (port: number) => ({ ...appEnv(appUrl, String(port)), NEXTAUTH_URL: `http://127.0.0.1:${port}` });
  instances.push(
    process.env.DEADLINE_CPU_PROF
      ? spawn("node_modules/.bin/tsx", ["--cpu-prof", `--cpu-prof-dir=${process.env.DEADLINE_CPU_PROF}`, "server.ts"], {
          env: { ...process.env, ...env(PORT), PORT: String(PORT), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
          stdio: "ignore",
        })
      : startServerProcess(PORT, env(PORT)),
  );
  await waitUntilServing(origins[0]!);

  // Clerk i edits unit i's report, except that every eighth is the previous unit's second clerk.
  const clerks = Array.from({ length: maxClerks }, (_, i) => {
    const shared = i % SHARED_EVERY === SHARED_EVERY - 1;
    const unit = data.units[shared ? i - 1 : i]!;
    const partnered = shared || (i + 1) % SHARED_EVERY === SHARED_EVERY - 1;
    return new Clerk(shared ? unit.secondClerk : unit.clerk, unit.draftId, partnered, 1000 + i);
  });
  const publishing = data.publishing.map((unit, i) => new PublishingUnit(unit.slug, unit.publishedId, 5000 + i));
  const signInAt = performance.now();
  await inPool(clerks, 4, async (clerk) => {
    clerk.cookie = await signIn(origins[0]!, clerk.username, BENCH_PASSWORD);
    await clerk.open(prisma);
  });
  await inPool(publishing, 2, async (unit) => {
    const seeded = data.publishing.find((u) => u.slug === unit.slug)!;
    unit.clerkCookie = await signIn(origins[0]!, seeded.clerk, BENCH_PASSWORD);
    unit.reviewerCookie = await signIn(origins[0]!, seeded.reviewer, BENCH_PASSWORD);
  });
  const supervisors = await Promise.all(
    data.counties.slice(0, Math.max(1, SUPERVISORS)).map(async (county) => ({
      cookie: await signIn(origins[0]!, county.supervisor, BENCH_PASSWORD),
      board: `/workspace/supervision/${county.slug}/${YEAR}`,
    })),
  );
  console.log(`signed in ${clerks.length + 2 * publishing.length + supervisors.length} people in ${((performance.now() - signInAt) / 1000).toFixed(0)} s`);

  // Alone: the cached page, a board, a region's page and one clerk saving back to back, each with
  // the CPU it costs the instance (its latency on a shared machine says less).
  const first = instances[0]!.pid;
  const costOf = async <T>(work: () => Promise<T>) => {
    const cpu = processTreeCpuMs(first);
    const result = await work();
    return { result, cpuMs: processTreeCpuMs(first) - cpu };
  };
  const aloneLine = (name: string, samples: number[], cpuMs: number) =>
    `  ${name.padEnd(30)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(samples, 99).toFixed(1).padStart(6)} ms  app CPU ${(cpuMs / samples.length).toFixed(1).padStart(5)} ms each`;
  await unloaded(origins[0]!, CACHED_REPORT, null, 50);
  const reportRun = await costOf(() => unloaded(origins[0]!, CACHED_REPORT, null, 300));
  const reportAlone = percentile(reportRun.result, 99);
  await unloaded(origins[0]!, supervisors[0]!.board, supervisors[0]!.cookie, 3);
  const boardRun = await costOf(() => unloaded(origins[0]!, supervisors[0]!.board, supervisors[0]!.cookie, 20));
  const boardAlone = percentile(boardRun.result, 99);
  await unloaded(origins[0]!, REGION, null, 3);
  const regionRun = await costOf(() => unloaded(origins[0]!, REGION, null, 20));
  const alone = new StepRecord();
  const aloneBefore = await snapshot(prisma, [clerks[0]!.reportId]);
  const saveRun = await costOf(() => clerks[0]!.run(origins[0]!, actions, performance.now() + 5_000, [0, 0], alone));
  const aloneProblems = await verifyStep(prisma, [clerks[0]!.reportId], aloneBefore, alone);
  console.log("alone (one instance, nothing else running):");
  console.log(aloneLine("cached report", reportRun.result, reportRun.cpuMs));
  console.log(aloneLine("board (19 units)", boardRun.result, boardRun.cpuMs));
  console.log(aloneLine("region page", regionRun.result, regionRun.cpuMs));
  console.log(
    aloneLine(`one clerk saving back to back`, alone.saveMs, saveRun.cpuMs) +
      `  ${(alone.acks.length / 5).toFixed(1)} saves/s` +
      (alone.errors.length + aloneProblems.length > 0 ? `, ERRORS: ${[...alone.errors, ...aloneProblems].slice(0, 3).join("; ")}` : ""),
  );
  console.log(`\nclerks pause ${PAUSE_LOW}–${PAUSE_HIGH} ms before each save; ${publishing.length} units publishing, ${SUPERVISORS} boards, ${CITIZENS} citizens; ${SECONDS} s a step`);

  const results: StepResult[] = [];
  for (const count of ROUNDS) {
    if (count === 2 && instances.length < 2) {
      instances.push(startServerProcess(PORT + 1, env(PORT + 1)));
      await waitUntilServing(origins[1]!);
    }
    const at = (i: number) => origins[i % count]!;
    for (const step of STEPS) {
      const active = clerks.slice(0, step);
      const reportIds = [...new Set(active.map((c) => c.reportId))];
      const before = await snapshot(prisma, reportIds);
      const record = new StepRecord();
      const reportMs: number[] = [];
      const regionMs: number[] = [];
      const cpuBefore = instances.slice(0, count).map((i) => processTreeCpuMs(i.pid));
      // PostgreSQL's backends serving this database (the app's pools, the bench's own reads) and the load generator itself.
      const backends = async () => (await prisma.$queryRaw<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`).map((b) => b.pid);
      const db = new ProcessSetCpu(await backends());
      const selfBefore = process.cpuUsage();
      const started = performance.now();
      const until = started + SECONDS * 1000;
      await Promise.all([
        ...active.map((clerk, i) => clerk.run(at(i), actions, until, [PAUSE_LOW, PAUSE_HIGH], record)),
        ...publishing.map((unit, i) => unit.run(prisma, at(i), actions, until, record)),
        ...supervisors.slice(0, SUPERVISORS).map((s, i) => reader(at(i), s.cookie, [{ path: s.board, samples: record.boardMs }], until, BOARD_PAUSE_MS, record, "board")),
        // Most readers come for a report; now and then one opens a region's page (rendered per request).
        ...Array.from({ length: CITIZENS }, (_, i) => {
          const report = { path: CACHED_REPORT, samples: reportMs };
          return reader(at(i), null, [...Array.from({ length: REPORTS_PER_REGION_PAGE }, () => report), { path: REGION, samples: regionMs }], until, CITIZEN_PAUSE_MS, record, "citizen");
        }),
      ]);
      const elapsed = (performance.now() - started) / 1000;
      // The busiest instance's CPU over the step: near 100 % its one thread is what limits.
      const appCpu = Math.max(...instances.slice(0, count).map((i, n) => (processTreeCpuMs(i.pid) - cpuBefore[n]!) / (elapsed * 1000)));
      const dbCpu = db.sinceStart(await backends()) / (elapsed * 1000);
      const self = process.cpuUsage(selfBefore);
      const clientCpu = (self.user + self.system) / 1000 / (elapsed * 1000);
      record.reportMs = reportMs;
      record.regionMs = regionMs;
      const problems = await verifyStep(prisma, reportIds, before, record);
      const result: StepResult = { instances: count, clerks: step, seconds: elapsed, record, problems, reportAlone, boardAlone, appCpu, dbCpu, clientCpu };
      results.push(result);
      console.log(formatStep(result));
    }
  }
  for (const instance of instances.splice(0)) await stopServerProcess(instance);
  await prisma.$disconnect();

  const tps = new Map<number, number>();
  if (PGBENCH_SECONDS > 0) {
    await pgbench.initialise();
    for (const clients of [...new Set(STEPS.map((s) => Math.min(s, PGBENCH_MAX_CLIENTS)))]) {
      tps.set(clients, await pgbench.tpsFor(clients, PGBENCH_SECONDS));
    }
  }
  printSummary(results, (clerks) => tps.get(Math.min(clerks, PGBENCH_MAX_CLIENTS)), PGBENCH_MAX_CLIENTS);
  console.log(`\nwhole run: ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
} finally {
  for (const instance of instances) if (instance.exitCode === null) await stopServerProcess(instance);
  await pgbench.drop();
  await dropDatabase(url).catch((error) => console.error("Could not drop the bench database:", error));
  await server.stop();
}
process.exit(0);
