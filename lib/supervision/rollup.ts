// 汇总: every cell of tables 二, 三 and 四 summed over the latest published
// revision of each unit's report, with the rules checked on the sums, and the
// units behind any one cell. The sums come from the totals the database keeps
// per government as reports are published, corrected and moved (rollup_total,
// migration 20261209000000): a province's roll-up reads a row per government
// and cell, not every unit's cells. Sums over a chosen set of units (the
// like-for-like comparison) start from those totals and take away the units
// left out, so they read only the cells of the units that differ.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { checkReport, comparableValues, findCell, formatCells, formatForYear, type CellValue, type Finding, type ReportFormat } from "@/lib/report-format";
import { requireSupervisedGovernment } from "./government-access";
import { comparedCells } from "@/lib/report-format/metrics";
import { storedValue } from "@/lib/reports/cell-rows";

export type RollupScope = "all" | "townships" | "departments";

export const rollupScopes: Record<RollupScope, { label: string; kinds: OrganizationKind[] }> = {
  all: { label: "全部单位（含各级政府本级）", kinds: ["PROVINCE_GOVERNMENT", "CITY_GOVERNMENT", "COUNTY_GOVERNMENT", "TOWNSHIP", "DEPARTMENT"] },
  townships: { label: "仅乡镇（街道）", kinds: ["TOWNSHIP"] },
  departments: { label: "仅政府部门", kinds: ["DEPARTMENT"] },
};

export interface RollupWhere {
  /** The government whose whole subtree (itself included) is summed; null for every unit there is. */
  governmentId: string | null;
  year: number;
  scope: RollupScope;
  /** Only these units (the like-for-like comparison with last year); every unit in scope when absent. */
  unitIds?: readonly string[];
  /** Only these cells (the like-for-like comparison reads the compared ones); every cell when absent. */
  cells?: readonly string[];
}

export interface Rollup {
  format: ReportFormat;
  year: number;
  /** Units whose published report is in the sum. */
  units: number;
  /** Which units those are. */
  unitIds: string[];
  values: Record<string, CellValue>;
}

function formatOf(year: number): ReportFormat {
  const format = formatForYear(year);
  if (!format) throw new AppError("NOT_FOUND", `${year}年度没有适用的年报格式`);
  return format;
}

// The latest published revision of each report in scope, of the year's format,
// as the publishing trigger keeps it on the report row. The subtree and unit
// conditions are written only when they apply: an "$n is null or …"
// condition keeps the planner from using the indexes.
function latestPublished(where: RollupWhere, format: ReportFormat) {
  const params: unknown[] = [where.year, format.version, rollupScopes[where.scope].kinds];
  const conditions: string[] = [];
  if (where.governmentId) {
    params.push(where.governmentId);
    conditions.push(`and (o.id = $${params.length}::uuid or o.ancestor_ids @> array[$${params.length}::uuid])`);
  }
  if (where.unitIds) {
    params.push([...where.unitIds]);
    conditions.push(`and o.id = any($${params.length}::uuid[])`);
  }
  return {
    sql: `
    select p.published_revision_id as id, p.organization_id
      from report p
      join organization o on o.id = p.organization_id
     where p.year = $1
       and p.published_revision_id is not null
       and p.published_format_version = $2
       and o.kind::text = any($3::text[])
       ${conditions.join("\n       ")}`,
    params,
  };
}

// The condition for "only these cells", on the alias of a table with the three key columns:
// each column's list lets the index narrow the rows, the whole key picks them exactly.
function cellCondition(alias: string, cells: readonly string[] | undefined, params: unknown[]): string {
  if (!cells) return "";
  const parts = cells.map((key) => key.split("."));
  params.push(
    [...new Set(parts.map((p) => p[0]))],
    [...new Set(parts.map((p) => p[1]))],
    [...new Set(parts.map((p) => p[2]))],
    [...cells],
  );
  const n = params.length;
  return `and ${alias}.table_key = any($${n - 3}::text[]) and ${alias}.row_key = any($${n - 2}::text[]) and ${alias}.column_key = any($${n - 1}::text[])
        and ${alias}.table_key || '.' || ${alias}.row_key || '.' || ${alias}.column_key = any($${n}::text[])`;
}

/** A summed cell: each column's sum and how many reports gave it a value (none: the sum is empty). */
interface SummedCell {
  count: bigint;
  count_n: number;
  amount: string;
  amount_n: number;
  change: bigint;
  change_n: number;
}
type Sums = Map<string, SummedCell>;

const cellKeyOf = (row: { table_key: string; row_key: string; column_key: string }) => `${row.table_key}.${row.row_key}.${row.column_key}`;

// The kept totals of the governments in the subtree (or all of them).
async function summedTotals(prisma: PrismaClient, where: RollupWhere, format: ReportFormat): Promise<Sums> {
  const params: unknown[] = [where.year, format.version, rollupScopes[where.scope].kinds];
  let subtree = "";
  if (where.governmentId) {
    params.push(where.governmentId);
    subtree = `and (g.id = $4::uuid or g.ancestor_ids @> array[$4::uuid])`;
  }
  const onlyCells = cellCondition("t", where.cells, params);
  const rows = await prisma.$queryRawUnsafe<(SummedCell & { table_key: string; row_key: string; column_key: string })[]>(
    `select t.table_key, t.row_key, t.column_key,
            sum(t.count)::bigint as count, sum(t.count_n)::int as count_n,
            sum(t.amount)::text as amount, sum(t.amount_n)::int as amount_n,
            sum(t.change)::bigint as change, sum(t.change_n)::int as change_n
       from rollup_total t
       join organization g on g.id = t.government_id
      where t.year = $1 and t.format_version = $2 and t.unit_kind::text = any($3::text[])
        ${subtree}
        ${onlyCells}
      group by t.table_key, t.row_key, t.column_key`,
    ...params,
  );
  return new Map(rows.map((row) => [cellKeyOf(row), row]));
}

// The same sums computed from the cells of some units' latest published revisions.
async function summedCells(prisma: PrismaClient, where: RollupWhere & { unitIds: readonly string[] }, format: ReportFormat): Promise<Sums> {
  if (where.unitIds.length === 0) return new Map();
  const latest = latestPublished(where, format);
  const onlyCells = cellCondition("c", where.cells, latest.params);
  const rows = await prisma.$queryRawUnsafe<(SummedCell & { table_key: string; row_key: string; column_key: string })[]>(
    `with latest as (${latest.sql})
     select c.table_key, c.row_key, c.column_key,
            coalesce(sum(c.count), 0)::bigint as count, count(c.count)::int as count_n,
            coalesce(sum(c.amount), 0)::text as amount, count(c.amount)::int as amount_n,
            coalesce(sum(c.change), 0)::bigint as change, count(c.change)::int as change_n
       from latest l join revision_cell c on c.revision_id = l.id
      where true ${onlyCells}
      group by c.table_key, c.row_key, c.column_key`,
    ...latest.params,
  );
  return new Map(rows.map((row) => [cellKeyOf(row), row]));
}

// An amount (numeric(·,4) as text) as an exact integer of ten-thousandths, and back.
function scaled(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
  const value = BigInt(whole) * 10_000n + BigInt((fraction + "0000").slice(0, 4));
  return negative ? -value : value;
}
function unscaled(value: bigint): string {
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 10_000n}.${(abs % 10_000n).toString().padStart(4, "0")}`;
}

/** The sums less those of some units, exactly. */
function subtractSums(from: Sums, less: Sums): Sums {
  return new Map(
    [...from].map(([key, sum]) => {
      const minus = less.get(key);
      if (!minus) return [key, sum];
      return [
        key,
        {
          count: sum.count - minus.count,
          count_n: sum.count_n - minus.count_n,
          amount: unscaled(scaled(sum.amount) - scaled(minus.amount)),
          amount_n: sum.amount_n - minus.amount_n,
          change: sum.change - minus.change,
          change_n: sum.change_n - minus.change_n,
        },
      ];
    }),
  );
}

/** Which units' published reports are in scope (ids only: an index read of reports and revisions, no cells). */
async function publishedUnitIds(prisma: PrismaClient, where: RollupWhere, format: ReportFormat): Promise<string[]> {
  const latest = latestPublished(where, format);
  const rows = await prisma.$queryRawUnsafe<{ organization_id: string }[]>(`select organization_id::text from (${latest.sql}) l`, ...latest.params);
  return rows.map((row) => row.organization_id);
}

function rollupOf(format: ReportFormat, year: number, unitIds: string[], sums: Sums): Rollup {
  const values = Object.fromEntries(
    formatCells(format).map((cell) => {
      const sum = sums.get(cell.key);
      const value = storedValue(
        cell.kind,
        sum && {
          count: sum.count_n > 0 ? Number(sum.count) : null,
          amount: sum.amount_n > 0 ? sum.amount : null,
          change: sum.change_n > 0 ? Number(sum.change) : null,
        },
      );
      return [cell.key, value];
    }),
  );
  return { format, year, units: unitIds.length, unitIds, values };
}

export async function rollupCells(prisma: PrismaClient, where: RollupWhere): Promise<Rollup> {
  const format = formatOf(where.year);
  if (where.unitIds) {
    const unitIds = await publishedUnitIds(prisma, where, format);
    return rollupOf(format, where.year, unitIds, await summedCells(prisma, { ...where, unitIds }, format));
  }
  const [unitIds, sums] = await Promise.all([publishedUnitIds(prisma, where, format), summedTotals(prisma, where, format)]);
  return rollupOf(format, where.year, unitIds, sums);
}

/**
 * A roll-up of only some of its units: the kept totals less the cells of the
 * units left out, or — when more are left out than kept (a year barely
 * published yet) — the cells of the units kept. Either way the fewer units' cells are read.
 */
async function rollupWithout(prisma: PrismaClient, where: RollupWhere, rollup: Rollup, keep: ReadonlySet<string>): Promise<Rollup> {
  const left = rollup.unitIds.filter((id) => !keep.has(id));
  if (left.length === 0) return rollup;
  const format = rollup.format;
  const kept = rollup.unitIds.filter((id) => keep.has(id));
  if (kept.length <= left.length) return rollupOf(format, where.year, kept, await summedCells(prisma, { ...where, unitIds: kept }, format));
  const whole = where.unitIds ? await summedCells(prisma, { ...where, unitIds: where.unitIds }, format) : await summedTotals(prisma, where, format);
  const leftOut = await summedCells(prisma, { ...where, unitIds: left }, format);
  return rollupOf(format, where.year, kept, subtractSums(whole, leftOut));
}

/**
 * The consistency rules on the sums: a sum of balanced reports balances, so a
 * failure here means a unit's published figures are wrong. R6/R7 compare with
 * last year's roll-up. Checks that concern one report's wording (title,
 * signature date, format) do not apply to a sum.
 */
export function rollupFindings(rollup: Rollup, previous: Rollup | null): Finding[] {
  return checkReport({
    format: rollup.format,
    organization: { name: "汇总", kind: "COUNTY_GOVERNMENT" },
    year: rollup.year,
    title: "",
    signedOn: null,
    values: rollup.values,
    // Last year in another format: only the cells the formats declare to mean the same compare.
    previous: previous && previous.units > 0 ? comparableValues(previous.format, rollup.format, previous.values) : null,
  }).filter((finding) => !finding.field && finding.rule !== "format-version");
}

export interface Contribution {
  organization: { slug: string; name: string; kind: OrganizationKind };
  value: number | null;
}

/** One page of the units behind a summed cell, with the sum over all of them. */
export interface Contributions {
  rows: Contribution[];
  /** Units whose published report is in the sum. */
  units: number;
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const CONTRIBUTIONS_PAGE_SIZE = 100;

/** The units behind one summed cell, largest first, a page at a time (a province's figure has thousands). */
export async function rollupContributions(
  prisma: PrismaClient,
  where: RollupWhere,
  key: string,
  page = 1,
  pageSize = CONTRIBUTIONS_PAGE_SIZE,
): Promise<Contributions | null> {
  const format = formatOf(where.year);
  const cell = findCell(format, key);
  if (!cell) return null;
  const latest = latestPublished(where, format);
  const n = latest.params.length;
  const column = cell.kind === "amount" ? "amount" : cell.kind;
  const rows = await prisma.$queryRawUnsafe<
    { slug: string; name: string; kind: OrganizationKind; count: number | null; amount: string | null; change: number | null; units: bigint; total: string | null }[]
  >(
    `with latest as (${latest.sql}),
     contribution as (
       select o.slug, o.name, o.kind, c.count, c.amount, c.change
         from latest l
         join organization o on o.id = l.organization_id
         left join revision_cell c on c.revision_id = l.id and c.table_key = $${n + 1} and c.row_key = $${n + 2} and c.column_key = $${n + 3})
     select slug, name, kind, count, amount::text as amount, change,
            count(*) over () as units, (sum(${column}) over ())::text as total
       from contribution
      order by coalesce(count, amount, abs(change), 0) desc, name
      limit $${n + 4} offset $${n + 5}`,
    ...latest.params,
    cell.table,
    cell.row,
    cell.column,
    pageSize,
    (page - 1) * pageSize,
  );
  const units = rows.length > 0 ? Number(rows[0]!.units) : page === 1 ? 0 : (await rollupContributions(prisma, where, key, 1, 1))!.units;
  return {
    rows: rows.map((row) => ({ organization: { slug: row.slug, name: row.name, kind: row.kind }, value: storedValue(cell.kind, row) })),
    units,
    total: rows[0]?.total != null ? Number(rows[0].total) : 0,
    page,
    pageSize,
  };
}

/**
 * 与上年对比, like with like: the sums over the units published in both
 * years only. A county whose 2025 roll-up holds 3 reports and 2024's 5 would
 * otherwise show every missing unit as a fall.
 */
export interface LikeForLike {
  /** Units published in both years. */
  units: number;
  current: Rollup;
  previous: Rollup;
}

async function likeForLike(prisma: PrismaClient, where: RollupWhere, rollup: Rollup, previous: Rollup): Promise<LikeForLike> {
  const before = new Set(previous.unitIds);
  const both = new Set(rollup.unitIds.filter((id) => before.has(id)));
  // Only the compared cells: a province's like-for-like sums read thousands of units' cells.
  const [current, earlier] = await Promise.all([
    rollupWithout(prisma, { ...where, cells: comparedCells(rollup.format) }, rollup, both),
    rollupWithout(prisma, { ...where, year: where.year - 1, cells: comparedCells(previous.format) }, previous, both),
  ]);
  return { units: both.size, current, previous: earlier };
}

/** A government's roll-up for its 主管部门: this year's sums, last year's like for like, and the rules on them. */
export async function loadGovernmentRollup(
  actor: Actor | null,
  governmentSlug: string,
  year: number,
  scope: RollupScope,
  prisma: PrismaClient,
) {
  const { government } = await requireSupervisedGovernment(actor, governmentSlug, prisma);
  const where: RollupWhere = { governmentId: government.id, year, scope };
  const [rollup, previous] = await Promise.all([
    rollupCells(prisma, where),
    formatForYear(year - 1) ? rollupCells(prisma, { ...where, year: year - 1 }) : null,
  ]);
  const comparison = previous && previous.units > 0 ? await likeForLike(prisma, where, rollup, previous) : null;
  // The balances on this year's sums; R6/R7 (carried over from last year) on the like-for-like sums only.
  const balances = rollupFindings(rollup, null);
  const withoutLastYear = comparison ? new Set(rollupFindings(comparison.current, null).map((f) => f.message)) : new Set<string>();
  const yearOnYear = comparison ? rollupFindings(comparison.current, comparison.previous).filter((f) => !withoutLastYear.has(f.message)) : [];
  return {
    government: { id: government.id, slug: government.slug, name: government.name },
    scope,
    rollup,
    previous,
    comparison,
    findings: [...balances, ...yearOnYear],
  };
}
