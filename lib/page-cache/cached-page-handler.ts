// The HTTP side of the page cache: answers GET/HEAD for published report
// pages from memory, with validators and Cache-Control that browsers, nginx
// or a CDN in front can honour. Everything else goes to Next.js.
import type { IncomingMessage, ServerResponse } from "node:http";
import { pageKey, toCachedPage, type CachedPage, type PageCache, type PageKey } from "./page-cache";
import { NO_FENCE, type RenderFence } from "./replica-fence";

export type RenderedPage = { status: number; body: Buffer; headers: Headers };
export type RenderPage = (key: PageKey) => Promise<RenderedPage>;

// The latest revision of a report may be replaced by a correction, so shared
// caches keep it for seconds (publication is visible everywhere within 5 s);
// an earlier revision's page only changes in its "see the latest" note.
const CACHE_CONTROL_LATEST = "public, max-age=0, s-maxage=5";
const CACHE_CONTROL_REVISION = "public, max-age=300";

/** `fence`: with pages read from a replica, what a render waits for before its page may be kept (replica-fence.ts). */
export function createCachedPageHandler(cache: PageCache, render: RenderPage, fence: RenderFence = NO_FENCE) {
  // Concurrent first readers of a page share one render.
  const inFlight = new Map<string, Promise<{ page: CachedPage | null; rendered: RenderedPage }>>();

  async function fill(key: PageKey) {
    const id = `${key.variant} ${key.path}`;
    let pending = inFlight.get(id);
    if (!pending) {
      const generation = cache.currentGeneration;
      pending = fence(generation)
        .then(async (mayKeep) => {
          const rendered = await render(key);
          if (rendered.status !== 200) return { page: null, rendered };
          const page = toCachedPage(rendered.body, rendered.headers);
          if (mayKeep()) cache.set(key, page, generation);
          return { page, rendered };
        })
        .finally(() => inFlight.delete(id));
      inFlight.set(id, pending);
    }
    return pending;
  }

  /**
   * Answers the request and resolves true, or resolves false for Next.js to
   * answer it. `hitOnly`: answer from memory or not at all (the database is down).
   */
  return async function serveCachedPage(request: IncomingMessage, response: ServerResponse, hitOnly = false): Promise<boolean> {
    const key = pageKey(request);
    if (!key || !cache.enabled) return false;
    const cached = cache.get(key);
    if (cached) {
      sendPage(request, response, key, cached, "HIT");
      return true;
    }
    if (hitOnly) return false;
    const { page, rendered } = await fill(key);
    if (page) sendPage(request, response, key, page, "MISS");
    else sendUncached(request, response, rendered);
    return true;
  };
}

function sendPage(request: IncomingMessage, response: ServerResponse, key: PageKey, page: CachedPage, status: string) {
  const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  // Different bytes, different strong validator (RFC 9110 §8.8.3).
  const etag = gzip ? `${page.etag.slice(0, -1)}-gz"` : page.etag;
  for (const [name, value] of page.headers) response.setHeader(name, value);
  response.setHeader("ETag", etag);
  response.setHeader("Cache-Control", key.latest ? CACHE_CONTROL_LATEST : CACHE_CONTROL_REVISION);
  response.setHeader("Vary", "Accept-Encoding, Cookie");
  response.setHeader("X-Nianbao-Cache", status);
  const held = String(request.headers["if-none-match"] ?? "").split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (held.includes(etag)) {
    response.statusCode = 304;
    response.end();
    return;
  }
  const body = gzip ? page.gzip : page.body;
  if (gzip) response.setHeader("Content-Encoding", "gzip");
  response.setHeader("Content-Length", body.length);
  response.statusCode = 200;
  response.end(request.method === "HEAD" ? undefined : body);
}

/** A 404 or an error page: passed on as rendered, never kept. */
function sendUncached(request: IncomingMessage, response: ServerResponse, rendered: RenderedPage) {
  rendered.headers.forEach((value, name) => {
    if (!["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"].includes(name)) {
      response.setHeader(name, value);
    }
  });
  response.setHeader("Content-Length", rendered.body.length);
  response.statusCode = rendered.status;
  response.end(request.method === "HEAD" ? undefined : rendered.body);
}
