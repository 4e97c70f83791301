// Shared by the command-line scripts: find or start the database server and
// run child processes with its URL.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ensureDatabase } from "@/lib/db/admin";
import { migrate } from "@/lib/db/migrate";
import { APP_ROLE, runtimeRoleUrl } from "@/lib/db/roles";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { failPlainly } from "@/lib/setup-errors";

// Every script that uses this module fails in one line, never with a stack trace.
failPlainly();

/**
 * The app's database: DATABASE_URL, or database "nianbao" on the embedded
 * server; migrated as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL)
 * when asked. Returns the URL the app runs with: the runtime role
 * nianbao_app — DATABASE_URL itself when it names that role (a deployment),
 * else the same database as nianbao_app, which the owner lets log in
 * (the embedded server, a local server: lib/db/roles.ts).
 */
export async function prepareAppDatabase(options: { migrate: boolean }) {
  const server = await resolveDatabase();
  const configured = server.embedded ? withDatabaseName(server.url, "nianbao") : server.url;
  const runsAsApp = decodeURIComponent(new URL(configured).username) === APP_ROLE;
  const owner = process.env.MIGRATION_DATABASE_URL ?? (runsAsApp ? null : configured);
  if (owner) await ensureDatabase(owner);
  if (options.migrate && owner) {
    const applied = await migrate(owner);
    if (applied.length > 0) console.log(`已应用数据库迁移：${applied.join(", ")}`);
  }
  if (server.embedded) console.log("数据库：内置 PostgreSQL（.data/postgres；设置 DATABASE_URL 可改用其他服务器）");
  const url = runsAsApp ? configured : await runtimeRoleUrl(configured);
  return { url, server };
}

/** Runs a command to completion with extra environment; resolves to its exit code. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...env },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * What the app process needs besides the database: the session-signing secret
 * (NEXTAUTH_SECRET, else one generated once and kept in .data/) and its URL.
 */
export function appEnv(databaseUrl: string, port: string): Record<string, string> {
  let secret = process.env.NEXTAUTH_SECRET;
  if (!secret) {
    const file = ".data/nextauth-secret";
    if (!existsSync(file)) {
      mkdirSync(".data", { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    }
    secret = readFileSync(file, "utf8").trim();
  }
  return {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
}

/** The production server (server.ts) on 127.0.0.1:port, for the benchmarks; its output is dropped. */
export function startServerProcess(port: number, env: Record<string, string>): ChildProcess {
  return spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: { ...process.env, ...env, PORT: String(port), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
}

export async function stopServerProcess(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill();
  await exited;
}
