// The pages as their users feel them: the production server (server.ts, the
// build in .next) on the bench database as the app's runtime role; real
// sign-ins of a province's, several cities' and several counties' 主管部门
// (next-auth's credentials endpoint, cookies kept); then each page GET in
// full, warmed up and timed over many runs, each run on another government
// of the level (or another unit) where the level has several.
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { cellKey } from "@/lib/report-format";
import { appEnv, run, startServerProcess, stopServerProcess } from "../lib";
import { staleBuild } from "./build-freshness";
import { BENCH_PASSWORD, supervisorUsername } from "./plan";
import { timeRuns, type TimedRow } from "./stats";

export interface PageOptions {
  ownerUrl: string;
  appUrl: string;
  year: number;
  port: number;
  runs: number;
  rebuildApp: boolean;
  log: (line: string) => void;
}

/** Cities and counties taken in turn at their level. */
const VARIANTS = 4;
/** The drill-down's figure: 本年新收政府信息公开申请数量, 总计. */
const DRILL_CELL = cellKey("applications", "received", "total");

interface Government {
  slug: string;
  level: "province" | "city" | "county";
}

async function signIn(origin: string, username: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password: BENCH_PASSWORD, json: "true" }),
    redirect: "manual",
  });
  const cookie = [...cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const session = (await (await fetch(`${origin}/api/auth/session`, { headers: { cookie } })).json()) as { expires?: string };
  if (!session.expires) throw new Error(`sign-in as ${username} failed (${response.status})`);
  return cookie;
}

/** A GET read to the end; anything but 200 (a redirect to the sign-in page, say) fails the bench rather than timing it. */
async function get(origin: string, path: string, cookie?: string): Promise<void> {
  const response = await fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
}

async function waitUntilUp(origin: string, child: ChildProcess): Promise<void> {
  const started = Date.now();
  while ((await fetch(`${origin}/`).then((r) => r.status, () => 0)) !== 200) {
    if (child.exitCode !== null) throw new Error("the production server stopped while starting");
    if (Date.now() - started > 120_000) throw new Error("the production server did not answer within 2 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Waits until no other session of the bench database is busy for two
 * seconds: the server's notification worker makes the whole province's
 * deadline reminders when it starts, which must not land in the timings.
 */
async function waitForQuietDatabase(ownerUrl: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const started = Date.now();
    let quietSince = Date.now();
    while (Date.now() - quietSince < 2_000) {
      const { rows } = await client.query<{ busy: number }>(
        `select count(*)::int as busy from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and state <> 'idle'`,
      );
      if (rows[0]!.busy > 0) quietSince = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const waited = (Date.now() - started) / 1000;
    if (waited > 3) log(`  (waited ${waited.toFixed(0)} s for the server's first round of reminders)`);
  } finally {
    await client.end();
  }
}

async function subjects(ownerUrl: string, year: number) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows: governments } = await client.query<{ slug: string; kind: string }>(
      "select slug, kind::text from organization where kind in ('PROVINCE_GOVERNMENT', 'CITY_GOVERNMENT', 'COUNTY_GOVERNMENT') order by slug",
    );
    // Units with published history, spread over the province.
    const { rows: units } = await client.query<{ slug: string }>(
      `select o.slug from organization o where exists (select 1 from report r where r.organization_id = o.id and r.year = $1 - 1 and r.status = 'PUBLISHED')
        order by md5(o.slug) limit 40`,
      [year],
    );
    const spread = (kind: string): Government[] => {
      const all = governments.filter((g) => g.kind === kind);
      const step = Math.max(1, Math.floor(all.length / VARIANTS));
      return all.filter((_, i) => i % step === 0).slice(0, VARIANTS).map((g) => ({ slug: g.slug, level: kind === "CITY_GOVERNMENT" ? "city" : "county" }));
    };
    return {
      province: [{ slug: governments.find((g) => g.kind === "PROVINCE_GOVERNMENT")!.slug, level: "province" } as Government],
      cities: spread("CITY_GOVERNMENT"),
      counties: spread("COUNTY_GOVERNMENT"),
      units: units.map((u) => u.slug),
    };
  } finally {
    await client.end();
  }
}

export async function timePages(options: PageOptions): Promise<TimedRow[]> {
  const { year, runs, log } = options;
  const stale = options.rebuildApp ? "asked to" : staleBuild();
  if (stale) {
    log(`Building the app (next build: ${stale})…`);
    if ((await run("node_modules/.bin/next", ["build"])) !== 0) throw new Error("next build failed");
  }
  const origin = `http://127.0.0.1:${options.port}`;
  const server = startServerProcess(options.port, appEnv(options.appUrl, String(options.port)));
  try {
    await waitUntilUp(origin, server);
    const { province, cities, counties, units } = await subjects(options.ownerUrl, year);
    const levels: Government[][] = [province, cities, counties];
    const cookies = new Map<string, string>();
    for (const government of levels.flat()) cookies.set(government.slug, await signIn(origin, supervisorUsername(government.slug)));
    await waitForQuietDatabase(options.ownerUrl, log);
    const budget = Number(process.env.BENCH_ROW_SECONDS ?? 60) * 1000;
    const rows: TimedRow[] = [];
    const staff = async (label: string, target: number | undefined, path: (slug: string) => string) => {
      for (const level of levels) {
        const pick = (i: number) => level[i % level.length]!;
        const samples = await timeRuns(runs, Math.max(2, level.length), budget, (i) => get(origin, path(pick(i).slug), cookies.get(pick(i).slug)));
        rows.push({ label, level: `${level[0]!.level}${level.length > 1 ? ` (${level.length} in turn)` : ""}`, samples, target });
        log(`  ${label}, ${level[0]!.level}: ${samples.length} runs`);
      }
    };
    const board = (slug: string) => `/workspace/supervision/${slug}/${year}`;
    await staff("board, first page", 300, board);
    await staff("board, filtered and sorted (逾期或已退回, by activity)", 300, (slug) => `${board(slug)}?filter=attention&sort=activity`);
    await staff("roll-up", 300, (slug) => `${board(slug)}/rollup`);
    await staff("roll-up, townships only", 300, (slug) => `${board(slug)}/rollup?scope=townships`);
    await staff("drill-down: units behind one figure", 200, (slug) => `${board(slug)}/rollup/cells/${encodeURIComponent(DRILL_CELL)}`);
    await staff("board export (.xlsx)", undefined, (slug) => `${board(slug)}/downloads/board.xlsx`);
    const portal = async (label: string, level: string, paths: string[]) => {
      const samples = await timeRuns(runs, Math.min(paths.length, 4), budget, (i) => get(origin, paths[i % paths.length]!));
      rows.push({ label, level, samples });
      log(`  ${label}, ${level}: ${samples.length} runs`);
    };
    await portal("unit history page (/units/…)", `${units.length} units in turn`, units.map((slug) => `/units/${slug}`));
    for (const level of levels) {
      await portal("portal region page (/regions/…/year)", `${level[0]!.level}${level.length > 1 ? ` (${level.length} in turn)` : ""}`, level.map((g) => `/regions/${g.slug}/${year}`));
    }
    return rows;
  } finally {
    if (server.exitCode === null) await stopServerProcess(server);
  }
}
