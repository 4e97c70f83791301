// Creating and dropping whole databases (tests, the demo's own database).
import pg from "pg";
import { databaseName, withDatabaseName } from "./server";

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function onMaintenanceDb<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates the database `url` names unless it exists. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await onMaintenanceDb(url, async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      await client.query(`create database ${quoteIdentifier(name)} encoding 'UTF8' template template0`).catch(
        (error: { code?: string }) => {
          if (error.code !== "42P04") throw error; // created meanwhile by another process
        },
      );
    }
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await onMaintenanceDb(url, (client) => client.query(`drop database if exists ${quoteIdentifier(name)} with (force)`));
}
