// The few pieces of SQL plumbing the loader's phases share: rows sent as one
// array per column and unnested on the server (one statement for thousands
// of rows), a timed phase, and the indexes a bulk load builds once at the
// end instead of maintaining row by row, as a restore does.
import type pg from "pg";

export type Column<T> = [name: string, type: string, value: (row: T) => unknown];

const CHUNK = 50_000;

/** INSERT … SELECT FROM unnest(…): the rows as one array per column, in chunks. */
export async function insertRows<T>(client: pg.ClientBase, table: string, rows: readonly T[], columns: readonly Column<T>[]): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = columns.map(([, , value]) => chunk.map((row) => {
      const v = value(row);
      return v instanceof Date ? v.toISOString() : v;
    }));
    await client.query(`insert into ${table} (${names}) select * from unnest(${arrays})`, params);
  }
}

export type Phase = <R>(name: string, run: () => Promise<R>) => Promise<R>;

/** Runs and times one phase of the load, printing its duration. */
export function phases(log: (line: string) => void): { phase: Phase; total: () => number } {
  const started = performance.now();
  return {
    phase: async (name, run) => {
      const t = performance.now();
      const result = await run();
      log(`  ${name.padEnd(44)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`);
      return result;
    },
    total: () => (performance.now() - started) / 1000,
  };
}

/** The table's indexes and its primary key (unless another table references it), dropped now; returns the statements that build them again. */
export async function dropIndexes(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows: constraints } = await client.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = $1::regclass and contype = 'p'
        and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = $1::regclass)`,
    [table],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename = $1 and indexname not in (select conname from pg_constraint where conrelid = $1::regclass)`,
    [table],
  );
  for (const { name } of constraints) await client.query(`alter table "${table}" drop constraint "${name}"`);
  for (const { name } of indexes) await client.query(`drop index "${name}"`);
  return [
    ...constraints.map(({ name, definition }) => `alter table "${table}" add constraint "${name}" ${definition}`),
    ...indexes.map(({ definition }) => definition),
  ];
}

/**
 * Runs `load` with row triggers and foreign-key checks off (session_replication_role = replica):
 * for the cell and catalog tables, whose rows are written here only for revisions and units
 * this load made, before any revision is stamped — what the guards would check holds by construction.
 */
export async function withoutRowTriggers(client: pg.ClientBase, load: () => Promise<void>): Promise<void> {
  await client.query("set session_replication_role = replica");
  try {
    await load();
  } finally {
    await client.query("set session_replication_role = origin");
  }
}
