// The production server's public pages, served as documents: rendered by
// Next.js (asked by the server itself, like the page cache does), then sent
// without the client runtime (document-html.ts). Staff pages, the sign-in
// page, downloads and Next's own client requests go to Next.js untouched.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { withoutClientRuntime } from "./document-html";
import { isStaticAsset } from "./outage";

/** Not documents: the staff area and everything signed-in people do (it needs its scripts), and file downloads. */
const NOT_DOCUMENTS = /^\/(?:workspace|admin|audit|api|login|account|preferences|_next|catalog\/attachments|open-data)(?:[/?]|$)/;
/** A path ending in a file name (report.json, sitemap.xml, a .docx): a download, not a page. */
const FILE = /\.[A-Za-z0-9]+$/;

export function isDocumentRequest(request: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = request.url ?? "/";
  const path = url.split("?")[0]!;
  // A client-side navigation from a staff page asks for the RSC payload: Next.js answers it.
  if (request.headers["rsc"] || request.headers["next-router-prefetch"] || request.headers["next-router-state-tree"]) return false;
  return !NOT_DOCUMENTS.test(path) && !isStaticAsset(path) && !FILE.test(path);
}

export type RenderedResponse = { status: number; body: Buffer; headers: Headers };

// Headers of one response on one connection, or describing bytes this sends differently.
const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

/**
 * The HTML as a document: scripts out, when it is a page that can do without
 * them — a 200, or the 404 the server made from the not-found page (server.ts;
 * Next.js's own 404 is an empty shell its client fills in). Other errors keep
 * their scripts.
 */
export function asDocument(rendered: RenderedResponse): RenderedResponse {
  if (![200, 404].includes(rendered.status) || !/^text\/html\b/.test(rendered.headers.get("content-type") ?? "")) return rendered;
  const html = withoutClientRuntime(rendered.body.toString("utf8"));
  if (html === null) return rendered;
  // With no script left on the page, the policy can say so: an injected one would not run either.
  const headers = new Headers(rendered.headers);
  const policy = headers.get("content-security-policy");
  if (policy) headers.set("content-security-policy", policy.replace(/script-src [^;]*/, "script-src 'none'"));
  return { ...rendered, headers, body: Buffer.from(html) };
}

/** Sends a rendered document page, gzipped for a reader who accepts it. */
export function sendDocument(request: IncomingMessage, response: ServerResponse, rendered: RenderedResponse) {
  rendered.headers.forEach((value, name) => {
    if (NOT_REPLAYED.has(name)) return;
    if (name === "set-cookie") response.setHeader(name, rendered.headers.getSetCookie());
    else response.setHeader(name, value);
  });
  const text = /^text\//.test(rendered.headers.get("content-type") ?? "");
  const gzip = text && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? "")) && rendered.body.length > 1024;
  const body = gzip ? gzipSync(rendered.body) : rendered.body;
  if (gzip) response.setHeader("Content-Encoding", "gzip");
  response.setHeader("Vary", "Accept-Encoding, Cookie");
  response.setHeader("Content-Length", body.length);
  response.statusCode = rendered.status;
  response.end(request.method === "HEAD" ? undefined : body);
}
