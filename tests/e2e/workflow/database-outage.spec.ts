// An app instance whose database goes away: the published pages it has served
// stay up, pages that need the database say so with a 503, and when the
// database is back the instance forgets only what was published meanwhile.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { TcpProxy } from "../../integration/tcp-proxy";

const port = Number(process.env.E2E_PORT ?? 3100) + 2;
const origin = `http://127.0.0.1:${port}`;
const databaseUrl = new URL(process.env.DATABASE_URL!);
const proxy = new TcpProxy(databaseUrl.hostname, Number(databaseUrl.port || 5432));
let instance: ChildProcess | undefined;

const REPORT = "/reports/laian-leiguan/2023";
const OTHER_REPORT = "/reports/laian-leiguan/2020";
// Plain fetches: no cookie, as a citizen's browser.
const get = (path: string) => fetch(`${origin}${path}`, { redirect: "manual" });
const cacheOf = async (path: string) => {
  const response = await get(path);
  return { status: response.status, cache: response.headers.get("x-nianbao-cache"), text: await response.text() };
};

test.beforeAll(async () => {
  await proxy.start();
  const proxied = new URL(databaseUrl);
  proxied.port = String(proxy.port);
  instance = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: { ...process.env, DATABASE_URL: proxied.toString(), PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: "ignore",
  });
  await expect.poll(() => get(REPORT).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  instance?.kill();
  await proxy.stop();
});

test("published pages are served while PostgreSQL is down; the rest says 503; publications meanwhile are caught up", async () => {
  test.setTimeout(90_000);
  // A citizen reads these while all is well.
  for (const path of [REPORT, OTHER_REPORT]) await expect.poll(async () => (await cacheOf(path)).cache).toBe("HIT");
  for (const path of ["/", "/regions/laian/2023", `${REPORT}.json`, "/catalog/laian-leiguan"]) expect((await get(path)).status).toBe(200);

  await proxy.stop();
  await expect.poll(async () => (await get("/workspace")).status, { timeout: 15_000 }).toBe(503);

  expect(await cacheOf(REPORT)).toMatchObject({ status: 200, cache: "HIT" });
  expect(await cacheOf("/")).toMatchObject({ status: 200, cache: "STALE" });
  const region = await cacheOf("/regions/laian/2023");
  expect(region).toMatchObject({ status: 200, cache: "STALE" });
  expect(region.text).toContain("来安县雷官镇人民政府");
  const json = await get(`${REPORT}.json`);
  expect(json.status).toBe(200);
  expect((await json.json()).title).toBe("来安县雷官镇人民政府2023年政府信息公开工作年度报告");
  expect((await cacheOf("/catalog/laian-leiguan")).cache).toBe("STALE");
  // Never read before the outage, and a staff page: a plain 503 that says why.
  const unread = await get("/reports/laian-jiaoti/2024");
  expect(unread.status).toBe(503);
  expect(unread.headers.get("retry-after")).toBe("30");
  expect(await unread.text()).toContain("数据库暂时无法连接");
  const login = await get("/login");
  expect(login.status).toBe(503);

  // Meanwhile another instance publishes (a correction of 雷官镇 2020): what it writes to the log and the channel.
  const direct = new pg.Client({ connectionString: databaseUrl.toString() });
  await direct.connect();
  await direct.query("insert into publication_log (organization_slug, year) values ('laian-leiguan', 2020)");
  await direct.end();

  await proxy.start(); // the same port: the instance's configuration does not change
  await expect.poll(async () => (await get("/workspace")).status, { timeout: 15_000 }).not.toBe(503);
  // Caught up from the log: only the report published meanwhile is rendered again.
  await expect.poll(async () => (await cacheOf(OTHER_REPORT)).cache, { timeout: 5_000 }).toBe("MISS");
  expect((await cacheOf(REPORT)).cache).toBe("HIT");
});
