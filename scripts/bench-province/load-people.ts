// The province's units, its people and its deadline settings, as a register
// import and the administration screens leave them: units inserted parents
// first so the database fills each one's ancestors (the organization tree
// trigger), accounts with one real argon2id hash shared by all, their roles,
// and the deadlines the province and some cities set.
import type pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import type { ProvinceShape, UnitRow } from "./shape";
import { BENCH_PASSWORD, type AccountRow } from "./plan";
import { insertRows } from "./load-sql";

/** Depth in the tree: the province 0, its cities and departments 1, … */
function depths(units: readonly UnitRow[]): Map<string, number> {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const depth = new Map<string, number>();
  const of = (id: string): number => depth.get(id) ?? (depth.set(id, parent.get(id) ? of(parent.get(id)!) + 1 : 0), depth.get(id)!);
  for (const unit of units) of(unit.id);
  return depth;
}

export async function loadUnits(client: pg.ClientBase, units: readonly UnitRow[], since: Date): Promise<void> {
  const depth = depths(units);
  const levels = Math.max(...depth.values());
  // Level by level: each unit's parent is stored before the trigger reads its ancestors.
  for (let level = 0; level <= levels; level++) {
    await insertRows(client, "organization", units.filter((u) => depth.get(u.id) === level), [
      ["id", "uuid", (u) => u.id],
      ["slug", "text", (u) => u.slug],
      ["name", "text", (u) => u.name],
      ["short_name", "text", (u) => u.shortName],
      ["code", "text", (u) => u.code],
      ["region_code", "text", (u) => u.regionCode],
      ["kind", '"OrganizationKind"', (u) => u.kind],
      ["publisher", '"Publisher"', (u) => u.publisher],
      ["parent_id", "uuid", (u) => u.parentId],
      ["created_at", "timestamptz", () => since],
      ["updated_at", "timestamptz", () => since],
    ]);
  }
}

export async function loadAccounts(client: pg.ClientBase, accounts: readonly AccountRow[], since: Date): Promise<void> {
  // One real hash for everyone: hashing 25,000 passwords would cost minutes and prove nothing.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await insertRows(client, "account", accounts, [
    ["id", "uuid", (a) => a.id],
    ["username", "text", (a) => a.username],
    ["display_name", "text", (a) => a.displayName],
    ["email", "text", (a) => a.email],
    ["password_hash", "text", () => passwordHash],
    ["password_changed_at", "timestamptz", () => since],
    ["created_at", "timestamptz", () => since],
    ["updated_at", "timestamptz", () => since],
  ]);
  await insertRows(client, "role_assignment", accounts, [
    ["account_id", "uuid", (a) => a.id],
    ["organization_id", "uuid", (a) => a.unitId],
    ["role", '"Role"', (a) => a.role],
    ["created_at", "timestamptz", () => since],
  ]);
}

/**
 * The province sets the national dates for every kind it supervises
 * (条例第四十九条), and one city in four gives its townships until the end
 * of February of the current year: the boards resolve deadlines up the tree.
 */
export async function loadDeadlines(client: pg.ClientBase, shape: ProvinceShape, provinceId: string): Promise<void> {
  const current = shape.years.at(-1)!;
  await client.query(
    `insert into deadline_default (government_id, kind, month, day, updated_at)
     select $1::uuid, k.kind::"OrganizationKind", k.month, k.day, now()
       from (values ('DEPARTMENT', 1, 31), ('TOWNSHIP', 1, 31), ('COUNTY_GOVERNMENT', 3, 31), ('CITY_GOVERNMENT', 3, 31)) k(kind, month, day)`,
    [provinceId],
  );
  await client.query(
    `insert into deadline_override (government_id, kind, year, due_on, updated_at)
     select id, 'TOWNSHIP', $1, make_date($1 + 1, 2, 28), now()
       from organization where kind = 'CITY_GOVERNMENT' and right(slug, 2)::int % 4 = 1`,
    [current],
  );
}
