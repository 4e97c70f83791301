// How the bench talks to the app as a browser does: next-auth's credentials
// sign-in (the session cookie kept), and Server Actions called as the
// editor's and the review page's own code calls them — a POST to the page
// with the action's id (from the build's manifest) in the Next-Action header,
// the arguments encoded as React encodes a plain reply, the answer read from
// React's Flight rows.
import { readFileSync } from "node:fs";

/** Node's fetch: keep-alive, with no limit on connections to one origin, as many browsers would open. */
const http = fetch;

export interface ActionRef {
  id: string;
  /** The page whose module holds the action, as a route pattern ("/workspace/reports/[reportId]"). */
  route: string;
}

/** The action ids of this build, by "file#export". */
export function readActionManifest(): Map<string, ActionRef> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => {
      const worker = Object.keys(entry.workers)[0]!.replace(/^app/, "").replace(/\/page$/, "");
      return [`${entry.filename}#${entry.exportedName}`, { id, route: worker || "/" }];
    }),
  );
}

export async function signIn(origin: string, username: string, password: string): Promise<string> {
  const csrf = await http(`${origin}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await http(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
    redirect: "manual",
  });
  await response.arrayBuffer();
  const cookie = [...jar, ...response.headers.getSetCookie().map((c) => c.split(";")[0]!)].join("; ");
  if (!/session-token=/.test(cookie)) throw new Error(`sign-in of ${username} failed (${response.status})`);
  return cookie;
}

/** React's encodeReply of plain JSON data: a string that starts with "$" is escaped as "$$". */
function encodeReply(value: unknown): string {
  return JSON.stringify([value], (_key, v: unknown) => (typeof v === "string" && v.startsWith("$") ? `$${v}` : v));
}

/**
 * The value of an action's answer from its Flight rows: "id:json" and
 * "id:T<hex length>,<text>" (long strings), "$<hex id>" and "$@<hex id>"
 * referring to another row. Anything else an action of ours does not send,
 * and is refused loudly.
 */
export function decodeFlight(body: Buffer): unknown {
  const rows = new Map<number, unknown>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = Number.parseInt(body.subarray(at, colon).toString("latin1"), 16);
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const length = Number.parseInt(body.subarray(colon + 2, comma).toString("latin1"), 16);
      rows.set(id, { text: body.subarray(comma + 1, comma + 1 + length).toString("utf8") });
      at = comma + 1 + length;
    } else {
      const end = body.indexOf(0x0a, colon);
      const line = body.subarray(colon + 1, end < 0 ? body.length : end).toString("utf8");
      if (/^[A-Z]/.test(line)) throw new Error(`unexpected Flight row ${id}: ${line.slice(0, 200)}`);
      rows.set(id, { json: JSON.parse(line) as unknown });
      at = end < 0 ? body.length : end + 1;
    }
  }
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("$")) {
      if (value.startsWith("$$")) return value.slice(1);
      const ref = /^\$@?([0-9a-f]+)$/.exec(value);
      if (ref) return row(Number.parseInt(ref[1]!, 16));
      if (value === "$undefined") return undefined;
      if (value.startsWith("$D")) return new Date(value.slice(2));
      throw new Error(`unexpected Flight value ${value.slice(0, 40)}`);
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const row = (id: number): unknown => {
    const found = rows.get(id) as { text: string } | { json: unknown } | undefined;
    if (!found) throw new Error(`Flight row ${id} missing`);
    return "text" in found ? found.text : resolve(found.json);
  };
  const root = row(0) as { a?: unknown };
  return root.a;
}

export type ActionAnswer<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

/** Calls a Server Action as the page's client code does; throws on anything but an answer of the action. */
export async function callAction<T>(origin: string, cookie: string, action: ActionRef, pagePath: string, input: unknown): Promise<ActionAnswer<T>> {
  const response = await http(`${origin}${pagePath}`, {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": action.id,
      origin,
      cookie,
    },
    body: encodeReply(input),
    redirect: "manual",
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200 || !/text\/x-component/.test(response.headers.get("content-type") ?? "")) {
    throw new Error(`${pagePath}: HTTP ${response.status} ${body.toString("utf8").slice(0, 200)}`);
  }
  return decodeFlight(body) as ActionAnswer<T>;
}
