// The fault suite: one person must not be able to stop or degrade the site
// for everyone. An app instance of its own, on a PostgreSQL server of its own
// (so that the test may freeze it), meets what an attacker or a failing
// network sends — Word and HTML bombs, a burst of sign-ins, an endless
// chunked body, a request for another host, a frozen database — while a
// citizen reads a cached report page every 20 ms. Figures are printed; the
// assertions are about answers, never about time.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { docxBomb, nestedFormattingPage } from "../../fixtures/zip-bombs";
import { startOwnPostgres, type OwnPostgres } from "./own-postgres";

test.describe.configure({ mode: "serial" });

const port = Number(process.env.E2E_PORT ?? 3100) + 3;
const origin = `http://127.0.0.1:${port}`;
const REPORT = "/reports/laian-leiguan/2023";
let database: OwnPostgres;
let appUrl: string;
let townId: string;
let clerk: { username: string; password: string };
let instance: ChildProcess;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers, redirect: "manual" });

/** Reads the cached report every 20 ms while `work` runs: every answer's status and time. */
async function readWhile<T>(work: () => Promise<T>): Promise<{ result: T; statuses: number[]; p50: number; p99: number }> {
  const times: number[] = [];
  const statuses: number[] = [];
  let running = true;
  const reader = (async () => {
    while (running) {
      const started = performance.now();
      const response = await get(REPORT).catch(() => null);
      await response?.arrayBuffer();
      times.push(performance.now() - started);
      statuses.push(response?.status ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const result = await work().finally(() => (running = false));
  await reader;
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { result, statuses, p50: at(0.5), p99: at(0.99) };
}

/** A session cookie for the spec's clerk, signed in over HTTP as a browser does. */
async function signIn(): Promise<string> {
  const csrf = await get("/api/auth/csrf");
  const cookie = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, username: clerk.username, password: clerk.password, json: "true" }),
    redirect: "manual",
  });
  const session = (response.headers.getSetCookie() ?? []).map((c) => c.split(";")[0] ?? "").find((c) => c.includes("session-token"));
  expect(session, "signed in").toBeTruthy();
  return `${cookie}; ${session}`;
}

function upload(cookie: string, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.set("file", new File([bytes], name));
  form.set("organizationId", townId);
  form.set("year", "2024");
  form.set("step", "preview");
  return fetch(`${origin}/workspace/reports/import`, { method: "POST", headers: { cookie, origin }, body: form });
}

/** The server process's resident memory, in MB. */
const residentMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${instance.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await startOwnPostgres();
  const seeded = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "tests/e2e/faults/seed-own-database.ts", database.url], { encoding: "utf8" });
  ({ appUrl, townId, clerk } = JSON.parse(seeded.trim().split("\n").at(-1)!));
  // Node itself runs the server (tsx as a loader), so that its pid is the server's own.
  instance = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "server.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: appUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DB_ANSWER_TIMEOUT_MS: "2000",
      DB_HEALTH_INTERVAL_MS: "1000",
      DB_HEALTH_TIMEOUT_MS: "1000",
    },
    stdio: "ignore",
  });
  await expect.poll(() => get(REPORT).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
  await expect.poll(async () => (await get(REPORT)).headers.get("x-nianbao-cache")).toBe("HIT");
});

test.afterAll(async () => {
  instance?.kill();
  database?.stop();
});

test("a 1 MB Word bomb and a 4.5 MB HTML bomb are refused with their bound while the cached page keeps answering", async () => {
  test.setTimeout(120_000);
  const cookie = await signIn();
  const bombs: [string, Uint8Array<ArrayBuffer>][] = [
    ["年报.docx", new Uint8Array(await docxBomb(340))],
    ["年报.html", new TextEncoder().encode(nestedFormattingPage(4.5))],
  ];
  for (const [name, bytes] of bombs) {
    const { result, statuses, p50, p99 } = await readWhile(async () => {
      const started = performance.now();
      const response = await upload(cookie, name, bytes);
      return { status: response.status, body: (await response.json()) as { ok: boolean; message: string }, ms: performance.now() - started };
    });
    console.log(`${name} (${(bytes.length / 1024 / 1024).toFixed(1)} MB): ${result.status} in ${result.ms.toFixed(0)} ms — “${result.body.message}”; cached page p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms over ${statuses.length} reads`);
    expect(result.status).toBe(400);
    expect(result.body.message).toMatch(/解压后过大|元素过多/);
    expect(statuses.every((s) => s === 200)).toBe(true);
  }
  expect((await get("/")).status).toBe(200);
});

/** Sends a chunked body of up to `maxMb` on a raw socket (an HTTP client stops at the first refused write, before reading the answer). */
function sendChunked(path: string, headers: string, maxMb: number): Promise<{ status: string; sentMb: number }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunk = Buffer.concat([Buffer.from("10000\r\n"), Buffer.alloc(0x10000, "a"), Buffer.from("\r\n")]);
    let sent = 0;
    let received = "";
    socket.on("data", (data) => (received += data.toString()));
    socket.on("close", () => resolve({ status: received.split("\r\n")[0] ?? "", sentMb: sent / 1024 / 1024 }));
    socket.on("error", () => socket.destroy());
    const pump = () => {
      while (sent < maxMb * 1024 * 1024 && !socket.destroyed && received === "") {
        sent += 0x10000;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
      if (!socket.destroyed) socket.end("0\r\n\r\n");
    };
    socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Transfer-Encoding: chunked\r\n\r\n`, pump);
  });
}

test("a chunked sign-in body is cut at 16 KB with a 413, never read whole; so is a Server Action's beyond 1 MB", async () => {
  const before = residentMb();
  // Up to 150 MB, as the probe sent; the answer comes long before.
  const signIn = await sendChunked("/api/auth/callback/credentials", "Content-Type: application/x-www-form-urlencoded\r\n", 150);
  console.log(`chunked sign-in: “${signIn.status}” after ${signIn.sentMb.toFixed(1)} MB sent; server ${before.toFixed(0)} → ${residentMb().toFixed(0)} MB`);
  expect(signIn.status).toBe("HTTP/1.1 413 Payload Too Large");
  expect(signIn.sentMb).toBeLessThan(150);
  expect(residentMb() - before).toBeLessThan(100);
  const action = await sendChunked("/workspace", "Next-Action: 00ab\r\nContent-Type: text/plain;charset=UTF-8\r\n", 20);
  console.log(`chunked Server Action: “${action.status}” after ${action.sentMb.toFixed(1)} MB sent`);
  expect(action.status).toBe("HTTP/1.1 413 Payload Too Large");
});

test("a request for another host, or for *, is a 400, not a 500", async () => {
  for (const target of ["http://other.example/reports", "*"]) {
    const status = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write(`GET ${target} HTTP/1.1\r\nHost: other.example\r\nConnection: close\r\n\r\n`));
      let text = "";
      socket.on("data", (data) => (text += data.toString()));
      socket.on("end", () => resolve(text.split("\r\n")[0] ?? ""));
    });
    expect(status).toBe("HTTP/1.1 400 Bad Request");
  }
});

test("100 sign-ins at once from one address check at most 20 passwords", async () => {
  const csrf = await get("/api/auth/csrf");
  const cookie = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const attempts = Array.from({ length: 100 }, (_, i) =>
    fetch(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, username: `burst-${i}`, password: `Wrong-password-${i}`, json: "true" }),
      redirect: "manual",
    }).then((r) => r.status),
  );
  const statuses = await Promise.all(attempts);
  expect(statuses.every((s) => s < 500)).toBe(true);
  const owner = new pg.Client({ connectionString: appUrl });
  await owner.connect();
  const { rows } = await owner.query<{ reason: string; n: number }>(
    "select detail->>'reason' as reason, count(*)::int as n from audit_event where event = 'auth.sign-in' and actor like 'burst-%' group by 1",
  );
  await owner.end();
  const counted = Object.fromEntries(rows.map((r) => [r.reason, r.n]));
  console.log(`100 parallel sign-ins from one address: ${JSON.stringify(counted)}`);
  const checked = (counted["unknown-account"] ?? 0) + (counted["bad-password"] ?? 0);
  expect(checked).toBeLessThanOrEqual(20);
  expect(counted["address-limited"]).toBeGreaterThanOrEqual(80);
});

test("a frozen database is a down one: public pages from their copies, the rest a 503, never a 500; then back", async () => {
  test.setTimeout(120_000);
  for (const path of ["/", `${REPORT}.json`, "/catalog/laian-leiguan"]) expect((await get(path)).status).toBe(200);
  database.freeze();
  try {
    const answers: string[] = [];
    for (const path of [REPORT, "/", `${REPORT}.json`, "/catalog/laian-leiguan", "/reports/laian-jiaoti/2024", "/workspace", "/login"]) {
      const started = performance.now();
      const response = await get(path);
      await response.arrayBuffer();
      answers.push(`${path} ${response.status} ${response.headers.get("x-nianbao-cache") ?? ""} ${(performance.now() - started).toFixed(0)} ms`);
      expect(response.status, path).not.toBe(500);
      if (path === REPORT) expect(response.headers.get("x-nianbao-cache")).toBe("HIT");
      else if (["/", `${REPORT}.json`, "/catalog/laian-leiguan"].includes(path)) expect(response.headers.get("x-nianbao-cache"), path).toBe("STALE");
      else {
        expect(response.status, path).toBe(503);
        expect(response.headers.get("retry-after")).toBe("30");
      }
    }
    console.log(`frozen database:\n  ${answers.join("\n  ")}`);
  } finally {
    database.thaw();
  }
  await expect.poll(async () => (await get("/workspace")).status, { timeout: 20_000 }).not.toBe(503);
  expect((await get("/")).headers.get("x-nianbao-cache")).not.toBe("STALE");
});
