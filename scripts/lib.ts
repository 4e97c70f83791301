// Shared by the command-line scripts: find or start the database server and
// run child processes with its URL.
import { spawn } from "node:child_process";
import { ensureDatabase } from "@/lib/db/admin";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";

/** The app's database: DATABASE_URL, or database "nianbao" on the embedded server. */
export async function prepareAppDatabase(options: { migrate: boolean }) {
  const server = await resolveDatabase();
  const url = server.embedded ? withDatabaseName(server.url, "nianbao") : server.url;
  await ensureDatabase(url);
  if (options.migrate) {
    const applied = await migrate(url);
    if (applied.length > 0) console.log(`已应用数据库迁移：${applied.join(", ")}`);
  }
  if (server.embedded) console.log("数据库：内置 PostgreSQL（.data/postgres；设置 DATABASE_URL 可改用其他服务器）");
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
