// npm run bench:province — a province-sized data set (1 province, 16 cities,
// 120 counties, 10,000 units, 25,000 accounts, five report years — about
// 50,000 reports, the current year in every state — and a 1,000,000-item
// catalog) loaded once into nianbao_bench_province as the product's write
// paths would leave it; then the pages a province's supervisors and citizens
// use, timed through the production server over many runs, the library
// functions behind them in-process, and the set operations (reminders,
// 催报, digests, 补录, register import) once each on a copy. Prints tables.
//   BENCH_UNITS=2000      a smaller province, in a database of its own, for development
//   BENCH_REBUILD=1       load the data set again even when a kept one matches
//   BENCH_RUNS=30         timed runs per row (after warming up)
//   BENCH_ROW_SECONDS=60  a row stops after this long (with at least 5 runs)
//   BENCH_YEAR=2025       the current report year (default: last year)
//   BENCH_PORT=3600       where the production server listens
//   --rebuild-app         run `next build` first even when the build looks current
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { runtimeRoleUrl } from "@/lib/db/roles";
import { resolveDatabase } from "@/lib/db/server";
import { failPlainly } from "@/lib/setup-errors";
import { todayInChina } from "@/lib/report-format";
import { assertLocalDatabase } from "../tests/assert-local-database";
import { ensureProvince } from "./bench-province/load";
import { onDatabaseCopy } from "./bench-province/database-copy";
import { timeSetOperations } from "./bench-province/set-operations";
import { FULL_UNITS } from "./bench-province/shape";
import { printOperations, printRows } from "./bench-province/stats";
import { timeLibrary } from "./bench-province/time-library";
import { timePages } from "./bench-province/time-pages";

// Loading runs statements for minutes: the bench sets the limit it needs before any client is made.
process.env.DB_STATEMENT_TIMEOUT_MS ??= String(30 * 60_000);
failPlainly();

const units = Number(process.env.BENCH_UNITS ?? FULL_UNITS);
const currentYear = Number(process.env.BENCH_YEAR ?? Number(todayInChina().slice(0, 4)) - 1);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const port = Number(process.env.BENCH_PORT ?? 3600);

/**
 * The server's notification worker makes the deadline reminders when it
 * starts; they are taken out again so that the kept data set stays as loaded
 * (the set operations time the reminder run on it).
 */
async function forgetNotificationsSince(ownerUrl: string, since: Date) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query("delete from outbox_mail where created_at >= $1", [since]);
  await client.query("delete from notification where created_at >= $1", [since]);
  await client.end();
}

const server = await resolveDatabase();
assertLocalDatabase(server.url);
try {
  const province = await ensureProvince({ serverUrl: server.url, units, currentYear, rebuild: process.env.BENCH_REBUILD === "1", log: (line) => console.log(line) });
  console.log(`\n${province.unitCount.toLocaleString("en")} units, ${province.accountCount.toLocaleString("en")} accounts, current year ${province.year}; database ${province.databaseSize}`);
  const appUrl = await runtimeRoleUrl(province.databaseUrl);
  const started = new Date();
  console.log(`\nTiming the pages through the production server (port ${port}), ${runs} runs each…`);
  const pages = await timePages({ ownerUrl: province.databaseUrl, appUrl, year: province.year, port, runs, rebuildApp: process.argv.includes("--rebuild-app"), log: console.log }).finally(() =>
    forgetNotificationsSince(province.databaseUrl, started),
  );
  console.log("Timing the library functions behind them, in this process…");
  const prisma = createPrismaClient(appUrl);
  const library = await timeLibrary(prisma, province.year, runs, console.log);
  await prisma.$disconnect();
  console.log("Timing the set operations on a copy of the data set (they write)…");
  // Mail configured, as in production (and as bench:sets runs them): notifications queue their e-mail too.
  process.env.MAIL_DIR ??= mkdtempSync(path.join(tmpdir(), "nianbao-bench-province-mail-"));
  const operations = await onDatabaseCopy(
    province.databaseUrl,
    async (copyUrl) => {
      const owner = createPrismaClient(copyUrl);
      try {
        return await timeSetOperations(owner, { ...province, databaseUrl: copyUrl });
      } finally {
        await owner.$disconnect();
      }
    },
    console.log,
  );
  printRows(`Pages through the production server — ${province.unitCount.toLocaleString("en")} units, report year ${province.year}`, pages);
  printRows("The library functions behind them (in-process)", library);
  printOperations("Set operations (scripts/bench-province/set-operations.ts), once each on a copy of the data set", operations);
} finally {
  await server.stop();
}
process.exit(0);
