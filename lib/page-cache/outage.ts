// What the production server does while PostgreSQL cannot be reached:
// published report pages keep coming from the page cache; other public pages
// (the portal, open data, the catalog) from the last copy this instance served
// of them; everything else that needs the database gets a plain 503 page that
// says so, instead of an error page. POSTs (saves, sign-in) still go to the
// app, which answers them with its own "unavailable" message.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import pg from "pg";

/** Pages that never need the database: Next's own files and the site's static files. */
const STATIC = /^\/(?:_next\/static\/|favicon\.ico$|robots\.txt$|[^/]+\.(?:png|svg|ico|txt|woff2?)$)/;
/** Pages for signed-in staff: never copied, never served from a copy. */
const STAFF = /^\/(?:workspace|admin|audit|api|login)(?:[/?]|$)/;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;
/** A copy larger than this is not kept (a big export, say). */
const MAX_COPY_BYTES = 4 * 1024 * 1024;

export function isStaticAsset(url: string): boolean {
  return STATIC.test(url);
}

/** A page any reader gets the same copy of: a GET by someone not signed in, outside the staff area. */
export function isPublicRead(request: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = request.url ?? "/";
  if (STAFF.test(url) || isStaticAsset(url) || request.headers["rsc"] || request.headers["next-router-prefetch"]) return false;
  return !SESSION_COOKIE.test(String(request.headers["cookie"] ?? ""));
}

type Copy = { status: number; headers: Array<[string, string]>; body: Buffer };

const NOT_KEPT = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "set-cookie", "date"]);

/** The last good copy of each public page this instance served, kept for when the database is down. */
export class LastGoodCopies {
  private readonly copies: LRUCache<string, Copy>;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.copies = new LRUCache({ maxSize: maxBytes, sizeCalculation: (copy) => copy.body.length + 1 });
  }

  private key(request: IncomingMessage) {
    const large = /(?:^|;\s*)text-size=large(?:;|$)/.test(String(request.headers["cookie"] ?? ""));
    return `${large ? "large" : "normal"} ${request.url ?? "/"}`;
  }

  /** Watches the app's answer to a public read and keeps it when it is a 200 of modest size. */
  record(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > MAX_COPY_BYTES) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string | Uint8Array);
      size += buffer.length;
      chunks.push(buffer);
    };
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return end(chunk, ...rest);
    }) as typeof response.end;
    const key = this.key(request);
    response.once("finish", () => {
      // A copy served in an outage (STALE) is not a new good copy.
      if (response.statusCode !== 200 || size > MAX_COPY_BYTES || request.method !== "GET" || response.getHeader("x-nianbao-cache") === "STALE") return;
      const headers: Array<[string, string]> = [];
      for (const [name, value] of Object.entries(response.getHeaders())) {
        if (value !== undefined && !NOT_KEPT.has(name)) headers.push([name, Array.isArray(value) ? value.join(", ") : String(value)]);
      }
      this.copies.set(key, { status: 200, headers, body: Buffer.concat(chunks) });
    });
  }

  /** Sends the last copy, marked as such; false when there is none. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const copy = this.copies.get(this.key(request));
    if (!copy) return false;
    const gzipped = copy.headers.some(([name, value]) => name === "content-encoding" && /gzip/.test(value));
    const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    const body = gzipped && !acceptsGzip ? gunzipSync(copy.body) : copy.body;
    for (const [name, value] of copy.headers) {
      if (name === "content-encoding" && gzipped && !acceptsGzip) continue;
      response.setHeader(name, value);
    }
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Nianbao-Cache", "STALE");
    response.setHeader("Content-Length", body.length);
    response.statusCode = copy.status;
    response.end(request.method === "HEAD" ? undefined : body);
    return true;
  }

  get size() {
    return this.copies.size;
  }
}

/**
 * Whether the database answers. A stopped server breaks the publication
 * listener's connection and is noticed at once; a frozen one (a hung server,
 * a stalled network) breaks nothing and answers nothing, so the database is
 * also asked every `everyMs` on its own connection, and a probe that gets no
 * answer within its timeout counts as down.
 */
export class DatabaseHealth {
  private checked = 0;
  private up = true;
  private pending: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly probe: () => Promise<boolean>,
    private readonly everyMs = 2_000,
  ) {}

  /** Probes in the background from now on, so that a freeze is known before a request waits on it. */
  start(): this {
    this.timer = setInterval(() => void this.checkNow(), this.everyMs);
    this.timer.unref();
    return this;
  }

  stop() {
    clearInterval(this.timer);
  }

  /** The last known state; asked afresh when the listener is down and the answer is older than `everyMs`. */
  async isUp(listening: boolean): Promise<boolean> {
    if (listening && this.up) return true;
    if (Date.now() - this.checked < this.everyMs) return this.up;
    return this.checkNow();
  }

  /** Asks now (or joins the question already asked). */
  checkNow(): Promise<boolean> {
    this.pending ??= this.probe()
      .catch(() => false)
      .then((up) => {
        this.up = up;
        this.checked = Date.now();
        this.pending = null;
        return up;
      });
    return this.pending;
  }
}

/**
 * The probe DatabaseHealth uses: `select 1` on a connection of its own, kept
 * between probes (a healthy database is not asked for a new connection every
 * few seconds), given up after `timeoutMs` and then made anew.
 */
export function probeDatabase(databaseUrl: string, timeoutMs = 2_000): () => Promise<boolean> {
  type Connection = { client: pg.Client; ready: Promise<unknown> };
  let connection: Connection | null = null;
  const drop = (dead: Connection) => {
    if (connection === dead) connection = null;
    void dead.client.end().catch(() => undefined);
  };
  const open = (): Connection => {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    const opened: Connection = { client, ready: client.connect() };
    client.on("error", () => drop(opened));
    opened.ready.catch(() => drop(opened));
    return opened;
  };
  return async () => {
    const current = (connection ??= open());
    let timer: NodeJS.Timeout | undefined;
    const answered = current.ready.then(() => current.client.query("select 1")).then(
      () => true,
      () => false,
    );
    const silent = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const up = await Promise.race([answered, silent]);
    clearTimeout(timer);
    if (!up) drop(current);
    return up;
  };
}

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>暂时无法访问 — 政府信息公开工作年度报告</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.7;color:#111}a{color:#1e40af}</style>
</head><body><main>
<h1>系统暂时无法访问</h1>
<p>数据库暂时无法连接，这个页面现在打不开。已发布的年度报告仍可查看；正在填写的内容没有丢失，请稍后再试。</p>
<p><a href="/">返回首页</a></p>
</main></body></html>`;

/** The plain page for a request that needs the database while it is down. */
export function sendUnavailable(request: IncomingMessage, response: ServerResponse) {
  const body = Buffer.from(UNAVAILABLE_PAGE);
  response.statusCode = 503;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Retry-After", "30");
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  response.setHeader("Content-Length", body.length);
  response.end(request.method === "HEAD" ? undefined : body);
}
