// A throwaway copy of the kept data set, for what writes: the set
// operations remind, notify, publish and import, so on the kept database a
// second run would find them done (reminders already sent, years already
// backfilled) and the pages would be timed on a province that is no longer
// the one loaded. The copy is made from the database's files (CREATE
// DATABASE … TEMPLATE, STRATEGY FILE_COPY), which takes a minute for
// gigabytes where loading again takes half an hour, and dropped afterwards.
import pg from "pg";
import { dropDatabase } from "@/lib/db/admin";
import { databaseName, withDatabaseName } from "@/lib/db/server";

export async function onDatabaseCopy<R>(url: string, work: (copyUrl: string) => Promise<R>, log: (line: string) => void): Promise<R> {
  const copyUrl = withDatabaseName(url, `${databaseName(url)}_copy`.slice(0, 63));
  await dropDatabase(copyUrl);
  const client = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await client.connect();
  const started = performance.now();
  try {
    // Nobody may be connected to the template; the server's sessions end as it stops, autovacuum yields.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`create database "${databaseName(copyUrl)}" template "${databaseName(url)}" strategy file_copy`);
        break;
      } catch (error) {
        if (attempt >= 10 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  } finally {
    await client.end();
  }
  log(`  (copied the data set in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  try {
    return await work(copyUrl);
  } finally {
    await dropDatabase(copyUrl);
  }
}
