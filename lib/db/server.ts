// Which PostgreSQL server to use: DATABASE_URL when set, else the embedded one.
import { startEmbeddedPostgres, type DatabaseServer } from "./embedded";
import { databaseEnv } from "@/lib/env";

export async function resolveDatabase(): Promise<DatabaseServer & { embedded: boolean }> {
  const configured = databaseEnv().DATABASE_URL;
  if (configured) return { url: configured, stop: async () => undefined, embedded: false };
  return { ...(await startEmbeddedPostgres()), embedded: true };
}

/** The same server, another database on it. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}
