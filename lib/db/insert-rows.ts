// Many rows into one table in one statement, passed as one array per column
// (insert … select from unnest): a parameter per column, not per value.
// Prisma's createMany builds a parameter per value and spends seconds of the
// process's time on thousands of rows (a province's register, 10,000 audit
// rows); this is milliseconds. Rows are inserted in the order given, so
// serial ids follow it.
import { Prisma } from "@/lib/generated/prisma/client";

/** A column's SQL type, as its array is cast: "uuid", "text", "boolean", "timestamptz", "jsonb", or an enum's quoted name ('"Role"'). */
export type ColumnType = "uuid" | "text" | "boolean" | "integer" | "timestamptz" | "jsonb" | `"${string}"`;

/** What a cell may hold: a Date is sent as its ISO instant, a jsonb cell as its JSON text. */
export type Cell = string | number | boolean | Date | null;

const identifier = (name: string) => {
  // Table and column names come from this code, never from input: checked all the same.
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a column name: ${name}`);
  return Prisma.raw(`"${name}"`);
};

export async function insertRows(
  tx: Prisma.TransactionClient,
  table: string,
  columns: Readonly<Record<string, ColumnType>>,
  rows: readonly Readonly<Record<string, Cell>>[],
  options: { skipDuplicates?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = Object.keys(columns);
  const arrays = names.map((name) => {
    const values = rows.map((row) => {
      const value = row[name];
      if (value === undefined) throw new Error(`row without ${table}.${name}`);
      return value instanceof Date ? value.toISOString() : value;
    });
    return Prisma.sql`${values}::${Prisma.raw(columns[name]!)}[]`;
  });
  const list = Prisma.join(names.map(identifier));
  return tx.$executeRaw`
    insert into ${identifier(table)} (${list})
    select ${list} from unnest(${Prisma.join(arrays)}) with ordinality as t(${list}, "ordinality")
     order by "ordinality"
    ${options.skipDuplicates ? Prisma.sql`on conflict do nothing` : Prisma.empty}`;
}
