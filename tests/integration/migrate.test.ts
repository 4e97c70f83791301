import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { withDatabaseName } from "@/lib/db/server";
import { ownerDatabaseUrl } from "./helpers";

let url: string;

beforeAll(async () => {
  url = withDatabaseName(ownerDatabaseUrl(), `nianbao_migrate_${randomBytes(4).toString("hex")}`);
  await ensureDatabase(url);
});
afterAll(() => dropDatabase(url));

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the migration step", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const all = listMigrations();
    expect(all.map((m) => m.name)).toContain("20261125000000_init");
    expect(await migrate(url)).toEqual(all.map((m) => m.name));
    expect(await migrate(url)).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `select migration_name, checksum, finished_at, applied_steps_count from "_prisma_migrations" order by migration_name`,
    );
    const file = readFileSync(path.resolve(__dirname, "../../prisma/migrations/20261125000000_init/migration.sql"));
    expect(rows[0]).toMatchObject({
      migration_name: "20261125000000_init",
      checksum: createHash("sha256").update(file).digest("hex"),
      applied_steps_count: 1,
    });
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);
    expect(rows).toHaveLength(all.length);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const edited = listMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(url, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration entirely, recording nothing", async () => {
    const broken = [
      ...listMigrations(),
      { name: "29990101000000_broken", sql: "create table half_done (id int); select * from no_such_table;", checksum: "x" },
    ];
    await expect(migrate(url, broken)).rejects.toThrow(/29990101000000_broken failed/);
    expect(await query(`select 1 from "_prisma_migrations" where migration_name = '29990101000000_broken'`)).toEqual([]);
    expect(await query(`select 1 from information_schema.tables where table_name = 'half_done'`)).toEqual([]);
  });
});
