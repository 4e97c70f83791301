// Public reads from a real streaming standby (pg_basebackup -R of a primary
// this test runs itself): they see a publication once the standby has
// replayed it, the page cache never keeps a page rendered from a standby that
// has not, and with the standby stopped the primary answers.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/create-client";
import { migrate } from "@/lib/db/migrate";
import { createReadClient } from "@/lib/db/read-client";
import { ReplicaHealth } from "@/lib/db/replica-health";
import { runtimeRoleUrl } from "@/lib/db/roles";
import { withDatabaseName } from "@/lib/db/server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createCachedPageHandler, type RenderPage } from "@/lib/page-cache/cached-page-handler";
import { PageCache } from "@/lib/page-cache/page-cache";
import { listenForPublications } from "@/lib/page-cache/publication-listener";
import { createReplicaFence, type RenderFence } from "@/lib/page-cache/replica-fence";
import { findingId, format2021, formatCells } from "@/lib/report-format";
import { checkReportContent } from "@/lib/reports/check-content";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { getPublishedReport } from "@/lib/reports/queries";
import { saveReport } from "@/lib/reports/save-report";
import { approveReport } from "@/lib/reports/steps/approve-report";
import { startCorrection } from "@/lib/reports/steps/start-correction";
import { submitReport } from "@/lib/reports/steps/submit-report";
import { createCountyWithTownships, signedInActor } from "./helpers";
import { submittedReport } from "./reports/report-helpers";
import { loadStatusBoard } from "@/lib/supervision/board";
import { loadGovernmentRollup } from "@/lib/supervision/rollup";
import { StreamingPair } from "./streaming-pair";

const YEAR = 2025;
const LICENSE = "active.license.decisions";

let pair: StreamingPair;
/** The primary as the app's runtime role, and the read client public pages use. */
let primary: PrismaClient;
let reader: PrismaClient;
const urls = { app: "", replica: "" };
/** Superuser connections, for the test's own look at each server. */
let primaryAdmin: pg.Client;
let standbyAdmin: pg.Client;
/** The health state's clock: moved by hand, so that nothing here depends on how fast the machine is. */
let clock = 0;
const healthLog: string[] = [];
const health = new ReplicaHealth({ retryMs: 5_000, now: () => clock, log: (line) => healthLog.push(line) });
const stops: Array<() => Promise<unknown>> = [];

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Until the standby has replayed everything the primary has written so far. */
async function standbyCaughtUp() {
  const { rows } = await primaryAdmin.query<{ lsn: string }>("select pg_current_wal_insert_lsn()::text as lsn");
  await until(async () => {
    const replayed = await standbyAdmin.query<{ done: boolean }>("select pg_last_wal_replay_lsn() >= $1::pg_lsn as done", [rows[0]!.lsn]);
    return replayed.rows[0]!.done === true;
  }, "the standby to replay");
}

const inRecovery = async (client: PrismaClient) => (await client.$queryRaw<{ r: boolean }[]>`select pg_is_in_recovery() as r`)[0]!.r;
const publishedLicense = async (org: string) => (await getPublishedReport(org, YEAR, undefined, reader))?.values[LICENSE];

beforeAll(async () => {
  pair = await StreamingPair.start();
  const ownerUrl = withDatabaseName(pair.primary.url, "nianbao");
  await ensureDatabase(ownerUrl);
  await migrate(ownerUrl);
  const appUrl = await runtimeRoleUrl(ownerUrl);
  const replicaUrl = new URL(appUrl);
  replicaUrl.port = String(pair.standby.port);
  primaryAdmin = new pg.Client({ connectionString: pair.primary.url });
  standbyAdmin = new pg.Client({ connectionString: pair.standby.url });
  for (const admin of [primaryAdmin, standbyAdmin]) {
    admin.on("error", () => undefined); // The standby is stopped on purpose.
    await admin.connect();
  }
  await standbyCaughtUp();
  primary = createPrismaClient(appUrl);
  reader = createReadClient(primary, createPrismaClient(replicaUrl.toString()), health);
  urls.app = appUrl;
  urls.replica = replicaUrl.toString();
}, 90_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  await reader?.$disconnect().catch(() => undefined);
  await primaryAdmin?.end().catch(() => undefined);
  await standbyAdmin?.end().catch(() => undefined);
  await pair?.destroy();
});

/** A report page server in miniature: the production cache handler, with a render that reads as the report page does. */
async function servePages(fence?: RenderFence) {
  const cache = new PageCache();
  const listener = listenForPublications(urls.app, {
    onPublication: (event) => cache.invalidateReport(event.organization, event.year),
    onListening: (now) => cache.setListening(now),
  });
  stops.push(listener.stop);
  const render: RenderPage = async (key) => {
    const report = await getPublishedReport(key.organization, key.year, undefined, reader);
    const body = report ? `第${report.edition}版 ${report.values[LICENSE]}` : "未找到";
    return { status: report ? 200 : 404, body: Buffer.from(body), headers: new Headers({ "content-type": "text/plain; charset=utf-8" }) };
  };
  const serve = createCachedPageHandler(cache, render, fence);
  const server: Server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stops.push(() => new Promise((resolve) => server.close(resolve)));
  await until(() => cache.enabled, "the publication listener");
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    cache,
    async get(path: string) {
      const response = await fetch(origin + path);
      return { body: await response.text(), cache: response.headers.get("x-nianbao-cache") };
    },
  };
}

/** 更正 through the steps: the report as report-helpers writes it, one figure changed, approved and published by the reviewer. */
async function publishCorrection(clerk: Actor, reviewer: Actor, reportId: string, license: string) {
  await startCorrection(clerk, { reportId, reason: "行政许可数量统计有误" }, primary);
  const before = await primary.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true, sections: true, cells: true } });
  const { values, ...content } = contentOfWorkingCopy(before);
  const cells = Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, String(values[c.key] ?? 0)]));
  await saveReport(clerk, { reportId, baseVersion: before.version, content: { ...content, signedOn: content.signedOn ?? "", cells: { ...cells, [LICENSE]: license } } }, primary);
  const saved = await primary.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true, sections: true, cells: true } });
  const findings = await checkReportContent(primary, saved, contentOfWorkingCopy(saved));
  const explanations = Object.fromEntries(findings.filter((f) => f.severity === "warning").map((f) => [findingId(f), "已核实"]));
  await submitReport(clerk, { reportId, baseVersion: saved.version, explanations }, primary);
  const latest = await primary.reportRevision.findFirstOrThrow({ where: { reportId }, orderBy: { number: "desc" } });
  await approveReport(reviewer, { reportId, revisionNumber: latest.number, publish: true }, primary);
}

describe("public reads on a streaming replica", () => {
  it("follow the standby's replay, keep no page the standby had not caught up with, and turn to the primary when it stops", async () => {
    const { county, townA } = await createCountyWithTownships(primary);
    const clerk = await signedInActor(primary, [{ organizationId: townA.id, role: "CLERK" }]);
    const reviewer = await signedInActor(primary, [{ organizationId: townA.id, role: "REVIEWER" }]);
    const supervisor = await signedInActor(primary, [{ organizationId: county.id, role: "SUPERVISOR" }]);
    const rolledUp = async (client: PrismaClient) => (await loadGovernmentRollup(supervisor, county.slug, YEAR, "all", client)).rollup.values[LICENSE];
    const reportId = await submittedReport(primary, clerk, townA.id, YEAR);
    await approveReport(reviewer, { reportId, revisionNumber: 1, publish: true }, primary);
    await standbyCaughtUp();

    // Raw SQL and model reads alike are the standby's.
    expect(await inRecovery(reader)).toBe(true);
    expect(await inRecovery(primary)).toBe(false);
    expect(await publishedLicense(townA.slug)).toBe(0);

    const fenced = await servePages(createFence());
    const unfenced = await servePages();
    const page = `/reports/${townA.slug}/${YEAR}`;
    for (const site of [fenced, unfenced]) {
      expect(await site.get(page)).toEqual({ body: "第1版 0", cache: "MISS" });
      expect(await site.get(page)).toEqual({ body: "第1版 0", cache: "HIT" });
    }

    // The standby stops replaying (as a busy or distant one falls behind); a correction is published.
    await standbyAdmin.query("select pg_wal_replay_pause()");
    const generations = [fenced.cache.currentGeneration, unfenced.cache.currentGeneration];
    await publishCorrection(clerk, reviewer, reportId, "7");
    await until(() => fenced.cache.currentGeneration > generations[0]! && unfenced.cache.currentGeneration > generations[1]!, "the invalidation");

    // Public reads are the standby's, a publication behind: only the standby can answer so.
    expect((await getPublishedReport(townA.slug, YEAR, undefined, primary))?.values[LICENSE]).toBe(7);
    expect(await publishedLicense(townA.slug)).toBe(0);
    // So are the roll-up's (raw SQL) and the board's.
    expect(await rolledUp(primary)).toBe(7);
    expect(await rolledUp(reader)).toBe(0);
    expect((await loadStatusBoard(supervisor, county.slug, YEAR, reader)).rows.find((row) => row.reportId === reportId)?.status).toBe("PUBLISHED");
    expect(health.isDown()).toBe(false);

    // Without the fence the cache would keep the standby's old page after the invalidation — until the next publication.
    expect(await unfenced.get(page)).toEqual({ body: "第1版 0", cache: "MISS" });
    expect(await unfenced.get(page)).toEqual({ body: "第1版 0", cache: "HIT" });
    // With it, the render waits for the standby; it is still behind, so reads turn to the primary and the page kept is the new one.
    expect(await fenced.get(page)).toEqual({ body: "第2版 7", cache: "MISS" });
    expect(await fenced.get(page)).toEqual({ body: "第2版 7", cache: "HIT" });
    expect(health.isDown()).toBe(true);
    expect(healthLog.join("\n")).toMatch(/只读副本暂不可用.*未追上主库/);
    expect(await inRecovery(reader)).toBe(false);

    // The standby replays again; once it has, and the while its health state waits has passed, public reads are its own and current.
    await standbyAdmin.query("select pg_wal_replay_resume()");
    await standbyCaughtUp();
    clock += 10_000;
    expect(await publishedLicense(townA.slug)).toBe(7);
    expect(await rolledUp(reader)).toBe(7);
    expect(await inRecovery(reader)).toBe(true);
    expect(health.isDown()).toBe(false);
    expect(await unfenced.get(page)).toEqual({ body: "第1版 0", cache: "HIT" });

    // The standby stops: public reads are answered by the primary, and the standby is not asked again for a while.
    await pair.stopStandby();
    expect(await publishedLicense(townA.slug)).toBe(7);
    expect(health.isDown()).toBe(true);
    expect(await inRecovery(reader)).toBe(false);
    expect(healthLog.at(-1)).toMatch(/只读副本暂不可用/);
    // A page whose render would have read the standby is rendered from the primary, and kept.
    await publishCorrection(clerk, reviewer, reportId, "8");
    await until(async () => (await fenced.get(page)).body === "第3版 8", "the fenced page to change");
    expect(await fenced.get(page)).toEqual({ body: "第3版 8", cache: "HIT" });
  });
});

function createFence(): RenderFence {
  const fence = createReplicaFence({ primaryUrl: urls.app, replicaUrl: urls.replica, health, maxWaitMs: 300 });
  stops.push(fence.stop);
  return fence.fence;
}
