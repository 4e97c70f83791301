// The production server: Next.js behind a small front that serves published
// report pages from memory (lib/page-cache). Started by `npm start` and
// `npm run demo`; `npm run dev` uses Next's development server without it.
//
//   PORT (default 3000), HOSTNAME (default 0.0.0.0), DATABASE_URL — required.
//   DATABASE_REPLICA_URL: a streaming replica public reads go to (lib/db/client.ts).
//   PAGE_CACHE=off serves every page through Next.js (for comparison).
//   DOCUMENT_PAGES=off keeps the client runtime on public pages (for comparison).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { PEER_HEADER } from "@/lib/auth/source-ip";
import { serverEnv } from "@/lib/env";
import { createCachedPageHandler } from "@/lib/page-cache/cached-page-handler";
import { asDocument, isDocumentRequest, sendDocument } from "@/lib/page-cache/document-pages";
import { PageCache } from "@/lib/page-cache/page-cache";
import { DatabaseHealth, isPublicRead, isStaticAsset, LastGoodCopies, probeDatabase, sendUnavailable } from "@/lib/page-cache/outage";
import { answerIfDatabaseFreezes } from "@/lib/page-cache/frozen-database";
import { holdBody } from "@/lib/http/hold-body";
import { ACTION_BODY_LIMIT_BYTES, AUTH_BODY_LIMIT_BYTES } from "@/lib/http/body-limits";
import { listenForPublications } from "@/lib/page-cache/publication-listener";
import { createReplicaFence, NO_FENCE } from "@/lib/page-cache/replica-fence";
import { replicaHealth } from "@/lib/db/replica-health";
import { setupProblem } from "@/lib/setup-errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { startNotificationWorker } from "@/lib/notifications/worker";

// React and Next.js pick their production builds from NODE_ENV at import time:
// set here, before they are imported (the one process.env use outside lib/env.ts).
// eslint-disable-next-line no-restricted-syntax
(process.env as Record<string, string>).NODE_ENV ??= "production";
const { default: next } = await import("next");

const settings = serverEnv();
const port = settings.PORT;
const hostname = settings.HOSTNAME;
const databaseUrl = settings.DATABASE_URL;
if (!databaseUrl) {
  console.error("错误：DATABASE_URL 未设置：请用 npm start 或 npm run demo 启动（它们会提供数据库），或设置 DATABASE_URL");
  process.exit(1);
}

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Public pages are rendered by asking this same server for them; that request
// carries a per-process token and goes straight to Next.js. What comes back
// is sent as a document, without the client runtime (lib/page-cache/document-pages.ts);
// report pages are also kept (the page cache).
const renderToken = randomBytes(16).toString("hex");
const cache = new PageCache();
let renderOrigin = `http://127.0.0.1:${port}`;
const documents = settings.DOCUMENT_PAGES === "on";
const NOT_FOUND_PAGE = "/page-not-found";
async function renderDocument(path: string, headers: Record<string, string>) {
  const ask = (at: string) => fetch(`${renderOrigin}${at}`, { headers: { ...headers, "x-nianbao-render": renderToken }, redirect: "manual" });
  const first = await ask(path);
  // Next.js sends a 404 as an empty shell its client fills in: a document
  // reader gets the not-found page's own HTML instead, still as a 404.
  const shell = documents && first.status === 404 && /^text\/html\b/.test(first.headers.get("content-type") ?? "");
  // The shell is read to its end all the same (a few KB), so that its connection is free again.
  if (shell) await first.arrayBuffer();
  const response = shell ? await ask(NOT_FOUND_PAGE) : first;
  const rendered = { status: first.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  return documents ? asDocument(rendered) : rendered;
}
// With a replica, a page is kept only once the replica has replayed what the primary had published (replica-fence.ts).
const replicaFence = settings.DATABASE_REPLICA_URL
  ? createReplicaFence({ primaryUrl: databaseUrl, replicaUrl: settings.DATABASE_REPLICA_URL, health: replicaHealth() })
  : null;
const serveCachedPage = createCachedPageHandler(
  cache,
  (key) => renderDocument(key.path, { cookie: `text-size=${key.variant}` }),
  replicaFence?.fence ?? NO_FENCE,
);
/** The request's own headers that a public page may depend on. */
function readerHeaders(request: IncomingMessage): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ["cookie", "accept-language", "user-agent"]) {
    const value = request.headers[name];
    if (typeof value === "string") kept[name] = value;
  }
  return kept;
}

// While the database is down or frozen: cached report pages, the last copies of other
// public pages, and a 503 page for the rest (lib/page-cache/outage.ts).
let listening = false;
const health = new DatabaseHealth(probeDatabase(databaseUrl, settings.DB_HEALTH_TIMEOUT_MS), settings.DB_HEALTH_INTERVAL_MS).start();
const copies = new LastGoodCopies();
const listener =
  settings.PAGE_CACHE === "off"
    ? null
    : listenForPublications(databaseUrl, {
        onPublication: (event) => cache.invalidateReport(event.organization, event.year),
        onListening: (now) => {
          listening = now;
          cache.setListening(now);
        },
        log: (message) => console.warn(message),
      });

function sendPlain(response: ServerResponse, status: number, text: string) {
  response.statusCode = status;
  response.setHeader("Content-Type", "text/plain; charset=utf-8");
  response.end(text);
}

/** How long the rest of a refused body is read and dropped, so that the client reads the 413 before the connection is cut. */
const LINGER_MS = 2_000;

/**
 * A body over its bound: 413, then the connection is cut. Not at once:
 * closing a socket with the client's bytes still unread resets it, and the
 * client may lose the answer; Node reads the rest and drops it meanwhile.
 */
function refuseBody(request: IncomingMessage, response: ServerResponse, bound: number) {
  const cut = setTimeout(() => request.socket.destroy(), LINGER_MS);
  request.once("end", () => clearTimeout(cut));
  request.socket.once("close", () => clearTimeout(cut));
  const limit = bound >= 1024 * 1024 ? `${bound / 1024 / 1024} MB` : `${bound / 1024} KB`;
  sendPlain(response, 413, `提交的内容过大（最多 ${limit}），未保存；请缩短后再提交`);
}

/** What a read gets while the database is down: its cached page, its last copy, or a 503 that says so. */
async function answerOutage(request: IncomingMessage, response: ServerResponse) {
  if (await serveCachedPage(request, response, true)) return;
  if (isPublicRead(request) && copies.serve(request, response)) return;
  sendUnavailable(request, response);
}

async function answer(request: IncomingMessage, response: ServerResponse) {
  // Who is really on the other end of the socket: the only source address the
  // app believes without TRUSTED_PROXIES (lib/auth/source-ip.ts). A client's own value is dropped.
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
  // Only paths of this site: not a proxy's absolute form (GET http://other.example/…) nor OPTIONS *.
  if (!request.url?.startsWith("/")) return sendPlain(response, 400, "请求地址无效");
  // Bodies with a bound are counted as they arrive, whatever length they declare (or none, when chunked):
  // sign-in forms, and Server Actions, which Next.js would answer with a 500 beyond its limit.
  const bound = request.method !== "POST" ? null : request.url.startsWith("/api/auth/") ? AUTH_BODY_LIMIT_BYTES : request.headers["next-action"] ? ACTION_BODY_LIMIT_BYTES : null;
  if (bound !== null) {
    const held = Number(request.headers["content-length"] ?? 0) > bound ? "too-large" : await holdBody(request, bound);
    if (held === "too-large") return refuseBody(request, response, bound);
  }
  if (request.headers["x-nianbao-render"] === renderToken) return handle(request, response);
  const read = request.method === "GET" || request.method === "HEAD";
  const needsDatabase = listener !== null && read && !isStaticAsset(request.url);
  if (needsDatabase && !(await health.isUp(listening))) return answerOutage(request, response);
  if (needsDatabase) answerIfDatabaseFreezes(response, settings.DB_ANSWER_TIMEOUT_MS, health, () => answerOutage(request, response));
  if (await serveCachedPage(request, response)) return;
  if (listener && isPublicRead(request)) copies.record(request, response);
  if (documents && isDocumentRequest(request)) return sendDocument(request, response, await renderDocument(request.url ?? "/", readerHeaders(request)));
  return handle(request, response);
}

const server = createServer((request, response) => {
  answer(request, response)
    .catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) {
        response.statusCode = 500;
        response.setHeader("Content-Type", "text/plain; charset=utf-8");
      }
      response.end("服务器内部错误");
    });
});

// A port in use, say: one line, not a stack trace.
server.on("error", (error) => {
  console.error(`错误：${setupProblem(error)}`);
  process.exit(1);
});

// Mail from the outbox, deadline reminders and digests (lib/notifications/worker.ts).
const notifications = startNotificationWorker(createPrismaClient(databaseUrl), (line) => console.log(line));

server.listen(port, hostname, () => {
  const address = server.address() as AddressInfo;
  const local = address.address === "0.0.0.0" || address.address === "::" ? "127.0.0.1" : address.address;
  renderOrigin = `http://${local.includes(":") ? `[${local}]` : local}:${address.port}`;
  console.log(`nianbao 已启动：http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${address.port}/`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    server.close();
    notifications.stop();
    await listener?.stop();
    await replicaFence?.stop();
    process.exit(0);
  });
}
