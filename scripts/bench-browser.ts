// npm run bench:browser: what users feel, measured where they feel it — in
// Debian's Chromium with the CPU slowed 4× and a slow mobile network
// (150 ms latency, 1.6 Mbit/s down), both through the DevTools protocol.
//
//  1. The 雷官镇 2023 report page as the production server sends it, against a
//     static copy of the same HTML with its scripts removed (and its CSS),
//     served in the same run by a plain static file server: transfer, total
//     blocking time, LCP and load, the median of several loads each. With
//     --with-runtime, also the page as Next.js renders it, scripts and all
//     (DOCUMENT_PAGES=off), for comparison.
//  2. The editor, on a 2024 draft: time from opening it to usable (hydrated)
//     on a first visit and with its scripts cached, and keystroke-to-next-paint (Event Timing API) while four-digit numbers
//     are typed into four cells of tables 二 and 三 — p50, p90 and max, at 4×
//     and at full speed.
//  3. With --lighthouse, a second opinion anyone can reproduce: Lighthouse's
//     mobile audit of the report page (lighthouse 12.2.3, fetched by npx: the
//     last version that runs on Node 20).
// A benchmark, not a test: it prints its figures (and writes them to
// .data/bench-browser.json).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { seedDemo } from "@/lib/demo/seed-demo";
import { appEnv, run, startServerProcess, stopServerProcess } from "./lib";

const PORT = Number(process.env.BENCH_PORT ?? 3210);
const BASE = `http://127.0.0.1:${PORT}`;
const REPORT = "/reports/laian-leiguan/2023";
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const CPU_SLOWDOWN = 4;
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CLERK = { username: "leiguan-clerk", password: "Clerk-demo-2026" };
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

async function waitForServer(url: string) {
  const started = Date.now();
  while ((await fetch(url).then((r) => r.status, () => 0)) !== 200) {
    if (Date.now() - started > 60_000) throw new Error(`${url} not ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A plain static file server (gzip like any web server's default), for the copy of the page. */
async function staticServer(files: Map<string, { type: string; body: Buffer }>): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const file = files.get((request.url ?? "/").split("?")[0]!);
    if (!file) return void response.writeHead(404).end();
    const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    const body = gzip ? gzipSync(file.body) : file.body;
    response.writeHead(200, { "Content-Type": file.type, "Content-Length": body.length, ...(gzip ? { "Content-Encoding": "gzip" } : {}) });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A static copy of a page's HTML without its scripts, at `/<name>`, with the stylesheets it links. */
async function staticCopyOf(url: string, html: string, name = "report.html") {
  const stripped = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "").replace(/<link\b[^>]*as="script"[^>]*>/gi, "");
  const files = new Map<string, { type: string; body: Buffer }>([[`/${name}`, { type: "text/html; charset=utf-8", body: Buffer.from(stripped) }]]);
  for (const [, href] of stripped.matchAll(/<link[^>]+rel="(?:stylesheet|icon)"[^>]*href="([^"]+)"/g)) {
    const response = await fetch(new URL(href!, url));
    files.set(href!.split("?")[0]!, { type: response.headers.get("content-type") ?? "text/css", body: Buffer.from(await response.arrayBuffer()) });
  }
  return files;
}

async function throttled(context: BrowserContext, page: Page, cpu: number, network: boolean) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  let transferred = 0;
  cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => (transferred += event.encodedDataLength));
  return { transferred: () => transferred };
}

// Long tasks and LCP, observed from the first byte of the page.
const OBSERVE = `
  window.__bench = { longTasks: [], lcp: 0 };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
`;

async function loadOnce(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const network = await throttled(context, page, CPU_SLOWDOWN, true);
  await page.goto(url, { waitUntil: "load" });
  // Hydration and anything else the scripts do after load still blocks the main thread.
  await page.waitForTimeout(1500);
  const figures = await page.evaluate(() => {
    const bench = (window as unknown as { __bench: { longTasks: [number, number][]; lcp: number } }).__bench;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      tbt: bench.longTasks.filter(([start]) => start >= fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
      lcp: bench.lcp,
      load: navigation.loadEventEnd,
      scripts: document.scripts.length,
    };
  });
  await context.close();
  return { ...figures, transfer: network.transferred() };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

async function measurePage(browser: Browser, url: string) {
  const loads = [];
  for (let i = 0; i < LOADS; i += 1) loads.push(await loadOnce(browser, url));
  return {
    transferKB: Math.round(median(loads.map((l) => l.transfer)) / 102.4) / 10,
    tbtMs: Math.round(median(loads.map((l) => l.tbt))),
    lcpMs: Math.round(median(loads.map((l) => l.lcp))),
    loadMs: Math.round(median(loads.map((l) => l.load))),
    scripts: median(loads.map((l) => l.scripts)),
  };
}

// Keystroke-to-next-paint: the Event Timing API's duration of each key
// interaction (keydown to the paint after it). Interactions under 16 ms are
// not reported by the API and count as 16.
const OBSERVE_EVENTS = `
  window.__keys = new Map();
  window.__ready = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.interactionId || !e.name.startsWith("key")) continue;
      window.__keys.set(e.interactionId, Math.max(window.__keys.get(e.interactionId) ?? 0, e.duration));
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
  new MutationObserver(() => {
    if (!window.__ready && document.querySelector("[data-editor-ready]")) window.__ready = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-editor-ready"] });
`;

const EDITOR_CELLS = ["行政许可 本年处理决定数量", "行政处罚 本年处理决定数量", "一、本年新收政府信息公开申请数量 自然人", "（一）予以公开 自然人"];

/**
 * The editor's figures. With `withoutScripts`, the same editor HTML served as
 * a static file: what the browser itself costs per keystroke in a page of this
 * size — the floor any editor of this page stands on (nothing to time opening).
 */
async function measureEditor(browser: Browser, editorUrl: string, cpu: number, signedIn: BrowserContext, withoutScripts = false) {
  const context = await browser.newContext({ storageState: await signedIn.storageState(), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_EVENTS);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  const openEditor = async () => {
    await page.goto(editorUrl, { waitUntil: "load" });
    if (withoutScripts) return 0;
    await page.waitForSelector("[data-editor-ready]", { timeout: 60_000 });
    return page.evaluate(() => (window as unknown as { __ready: number }).__ready);
  };
  // A first visit downloads and compiles the scripts; a clerk who comes back
  // has them in the browser's cache (they are immutable), as on every later day.
  const firstVisit = await openEditor();
  const usable = await openEditor();
  let keystrokes = 0;
  for (const [i, name] of EDITOR_CELLS.entries()) {
    const input = page.getByRole("textbox", { name, exact: true });
    await input.click();
    // Emptied without a keystroke (the measured ones are the digits typed).
    await input.fill("");
    await page.waitForTimeout(400);
    for (const digit of String(1000 + 1111 * i + 7).slice(0, 4)) {
      await page.keyboard.press(digit);
      keystrokes += 1;
      await page.waitForTimeout(120);
    }
  }
  await page.waitForTimeout(1000);
  const measured = await page.evaluate(() => [...(window as unknown as { __keys: Map<number, number> }).__keys.values()]);
  await context.close();
  // A key press is one interaction (its keydown and keyup share an id); the unreported ones were under 16 ms.
  const values = [...measured, ...Array<number>(Math.max(0, keystrokes - measured.length)).fill(16)];
  return {
    firstVisitMs: Math.round(firstVisit),
    usableMs: Math.round(usable),
    p50: Math.round(percentile(values, 50)),
    p90: Math.round(percentile(values, 90)),
    max: Math.round(Math.max(...values)),
    keystrokes,
  };
}

/** Lighthouse's four category scores for a page (mobile, its own throttling). */
async function lighthouse(url: string): Promise<Record<string, number>> {
  const output = `.data/lighthouse-${process.pid}.json`;
  const code = await run(
    "npx",
    ["--yes", "lighthouse@12.2.3", url, "--quiet", "--output=json", `--output-path=${output}`, `--chrome-flags=--headless ${CHROMIUM_ARGS.join(" ")}`],
    { CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  );
  if (code !== 0) throw new Error("lighthouse failed");
  const report = JSON.parse(readFileSync(output, "utf8")) as { categories: Record<string, { score: number }> };
  rmSync(output, { force: true });
  return Object.fromEntries(Object.entries(report.categories).map(([name, { score }]) => [name, Math.round(score * 100)]));
}

type PageFigures = Awaited<ReturnType<typeof measurePage>>;

function printPages(nianbao: PageFigures, staticCopy: PageFigures, results: Record<string, unknown>) {
  console.log(`\nChromium, CPU ${CPU_SLOWDOWN}× slower, ${NETWORK.latency} ms latency, 1.6 Mbit/s; median of ${LOADS} loads`);
  console.log("| 雷官镇 2023 report | transfer | TBT | LCP | load | scripts |");
  console.log("|---|---|---|---|---|---|");
  const row = (name: string, r: PageFigures) =>
    console.log(`| ${name} | ${r.transferKB} KB | ${r.tbtMs} ms | ${r.lcpMs} ms | ${r.loadMs} ms | ${r.scripts} |`);
  if (results.withRuntime) row("Next.js page with its scripts (DOCUMENT_PAGES=off)", results.withRuntime as PageFigures);
  row("nianbao", nianbao);
  row("static copy, plain file server", staticCopy);
  console.log(`load vs static copy: ${Math.round((nianbao.loadMs / staticCopy.loadMs - 1) * 100)} %`);
  if (results.lighthouse) console.log(`Lighthouse (mobile): ${JSON.stringify(results.lighthouse)}`);
}

const server = await resolveDatabase();
const database = `nianbao_bench_browser_${process.pid}`;
const url = withDatabaseName(server.url, database);
let app: ChildProcess | undefined;
let copy: Server | undefined;
let browser: Browser | undefined;
try {
  await ensureDatabase(url);
  await migrate(url);
  const prisma = createPrismaClient(url);
  await seedDemo(prisma);
  await prisma.$disconnect();
  if (process.argv.includes("--rebuild") || !(await import("node:fs")).existsSync(".next/BUILD_ID")) {
    if ((await run("node_modules/.bin/next", ["build"])) !== 0) throw new Error("build failed");
  }
  const env = appEnv(url, String(PORT));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const results: Record<string, unknown> = {};

  // --editor-only: the editor's figures alone (when working on the editor); --pages-only: the report page's alone.
  const pages = !process.argv.includes("--editor-only");
  if (pages && process.argv.includes("--with-runtime")) {
    app = startServerProcess(PORT, { ...env, DOCUMENT_PAGES: "off" });
    await waitForServer(`${BASE}/`);
    results.withRuntime = await measurePage(browser, `${BASE}${REPORT}`);
    await stopServerProcess(app);
  }

  app = startServerProcess(PORT, env);
  await waitForServer(`${BASE}/`);
  if (pages) {
    const files = await staticCopyOf(`${BASE}${REPORT}`, await (await fetch(`${BASE}${REPORT}`)).text());
    const started = await staticServer(files);
    copy = started.server;
    results.staticCopy = await measurePage(browser, `${started.base}/report.html`);
    results.nianbao = await measurePage(browser, `${BASE}${REPORT}`);
  }

  if (pages && process.argv.includes("--lighthouse")) {
    mkdirSync(".data", { recursive: true });
    results.lighthouse = await lighthouse(`${BASE}${REPORT}`);
  }

  if (!process.argv.includes("--pages-only")) await measureEditors(browser, results);
  const nianbao = results.nianbao as PageFigures | undefined;
  const staticCopy = results.staticCopy as PageFigures | undefined;
  if (nianbao && staticCopy) printPages(nianbao, staticCopy, results);
  if (results.editor4x) printEditors(results);
  mkdirSync(".data", { recursive: true });
  writeFileSync(".data/bench-browser.json", JSON.stringify(results, null, 2));
} finally {
  await browser?.close();
  copy?.close();
  if (app) await stopServerProcess(app);
  await dropDatabase(url).catch(() => undefined);
}

type EditorFigures = Awaited<ReturnType<typeof measureEditor>>;

/** The editor: the clerk starts the 2024 report, then types into it. */
async function measureEditors(browser: Browser, results: Record<string, unknown>) {
  const signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  const { csrfToken } = (await (await page.request.get(`${BASE}/api/auth/csrf`)).json()) as { csrfToken: string };
  await page.request.post(`${BASE}/api/auth/callback/credentials`, { form: { csrfToken, ...CLERK, json: "true" } });
  await page.goto(`${BASE}/workspace`);
  await page.getByLabel("年度", { exact: true }).selectOption("2024");
  await page.getByRole("button", { name: "开始填报2024年度报告" }).click();
  await page.waitForURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);
  const editorUrl = page.url();
  // The same editor HTML (as the clerk received it) without its scripts, from a plain static file server.
  const editorCopy = await staticServer(await staticCopyOf(editorUrl, await (await page.request.get(editorUrl)).text(), "editor.html"));
  const runs = Number(process.env.BENCH_EDITOR_RUNS ?? 3);
  const slow = [];
  const fast = [];
  const floor = [];
  for (let i = 0; i < runs; i += 1) {
    slow.push(await measureEditor(browser, editorUrl, CPU_SLOWDOWN, signedIn));
    floor.push(await measureEditor(browser, `${editorCopy.base}/editor.html`, CPU_SLOWDOWN, signedIn, true));
    fast.push(await measureEditor(browser, editorUrl, 1, signedIn));
  }
  editorCopy.server.close();
  await signedIn.close();
  results.editor4x = slow;
  results.editorWithoutScripts4x = floor;
  results.editor1x = fast;
}

function printEditors(results: Record<string, unknown>) {
  const [slow, fast, floor] = [results.editor4x, results.editor1x, results.editorWithoutScripts4x] as EditorFigures[][];
  console.log("\n| editor, 2024 draft | usable after (first visit) | usable after (scripts cached) | keystroke→paint p50 | p90 | max |");
  console.log("|---|---|---|---|---|---|");
  for (const [name, list] of [[`CPU ${CPU_SLOWDOWN}×`, slow!], ["full speed", fast!]] as const) {
    for (const r of list) console.log(`| ${name} | ${r.firstVisitMs} ms | ${r.usableMs} ms | ${r.p50} ms | ${r.p90} ms | ${r.max} ms |`);
  }
  for (const r of floor!) console.log(`| CPU ${CPU_SLOWDOWN}×, same HTML without scripts (static file) | — | — | ${r.p50} ms | ${r.p90} ms | ${r.max} ms |`);
}
