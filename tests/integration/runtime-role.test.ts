// The app's runtime role cannot rewrite history (quality bar: audit — the app
// connects as a role that is neither superuser nor owner). Each statement an
// attacker with the app's connection would try is refused by PostgreSQL.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "@/lib/db/roles";
import { databaseUrl, ownerDatabaseUrl } from "./helpers";

let app: pg.Client;
let owner: pg.Client;

beforeAll(async () => {
  app = new pg.Client({ connectionString: databaseUrl() });
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await Promise.all([app.connect(), owner.connect()]);
  await app.query(`insert into audit_event (actor, event, result) values ('test', 'runtime-role.probe', 'success')`);
});
afterAll(async () => {
  await app.end();
  await owner.end();
});

describe("the runtime role", () => {
  it("is who the app connects as: not superuser, owner of nothing", async () => {
    const { rows } = await app.query<{ user: string; superuser: boolean; owned: string }>(
      `select current_user as user, rolsuper as superuser,
              (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user)::text as owned
         from pg_roles where rolname = current_user`,
    );
    expect(rows[0]).toEqual({ user: APP_ROLE, superuser: false, owned: "0" });
  });

  it.each([
    ["UPDATE", `update audit_event set result = 'failure'`],
    ["DELETE", `delete from audit_event`],
    ["TRUNCATE", `truncate audit_event`],
    ["ALTER TABLE", `alter table audit_event add column note text`],
    ["DISABLE TRIGGER", `alter table audit_event disable trigger all`],
    ["session_replication_role", `set session_replication_role = replica`],
    ["DROP TABLE", `drop table audit_event`],
    ["a new table", `create table audit_copy (id int)`],
  ])("cannot %s the audit log", async (_, sql) => {
    await expect(app.query(sql)).rejects.toThrow(/permission denied|must be owner|must be superuser/);
    const { rows } = await owner.query(`select count(*)::int as n from audit_event where event = 'runtime-role.probe' and result = 'success'`);
    expect(rows[0].n).toBe(1);
  });

  it("cannot change revisions, approvals or review comments either, only add to them", async () => {
    for (const table of ["report_revision", "revision_cell", "approval", "review_comment", "publication_log"]) {
      await expect(app.query(`delete from ${table}`), table).rejects.toThrow(/permission denied/);
      await expect(app.query(`truncate ${table} cascade`), table).rejects.toThrow(/permission denied/);
    }
    await expect(app.query(`update report_revision set title = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`update revision_cell set count = 1`)).rejects.toThrow(/permission denied/);
  });

  it("has a grant on every table the migrations create, so a new table cannot be forgotten", async () => {
    const { rows } = await owner.query<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relname <> '_prisma_migrations'
          and not has_table_privilege($1, c.oid, 'SELECT')`,
      [APP_ROLE],
    );
    expect(rows).toEqual([]);
    const migrations = await app.query(`select 1 from _prisma_migrations limit 1`).then(
      () => "readable",
      (error: Error) => error.message,
    );
    expect(migrations).toMatch(/permission denied/);
  });
});
