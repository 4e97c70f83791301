// Whether a PostgreSQL server answers: one connection and `select 1`, given up
// after two seconds. Used to find a running embedded server and, while the
// publication listener is down, to tell whether the database is.
import pg from "pg";

export async function canConnect(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
