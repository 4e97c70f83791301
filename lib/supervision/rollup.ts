// 汇总: every cell of tables 二, 三 and 四 summed over the latest published
// revision of each unit's report — one aggregate query in PostgreSQL, not a
// loop over reports — with the rules checked on the sums, and the units behind
// any one cell.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { checkReport, comparableValues, findCell, formatCells, formatForYear, type CellValue, type Finding, type ReportFormat } from "@/lib/report-format";
import { requireSupervisedGovernment } from "./government-access";
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

// The latest published revision of each report in scope, of the year's format.
// The subtree and unit conditions are written only when they apply: an
// "$n is null or …" condition keeps the planner from using the indexes.
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
    select distinct on (rv.report_id) rv.id, p.organization_id
      from report p
      join organization o on o.id = p.organization_id
      join report_revision rv on rv.report_id = p.id
     where p.year = $1
       and rv.published_at is not null
       and rv.format_version = $2
       and o.kind::text = any($3::text[])
       ${conditions.join("\n       ")}
     order by rv.report_id, rv.number desc`,
    params,
  };
}

export async function rollupCells(prisma: PrismaClient, where: RollupWhere): Promise<Rollup> {
  const format = formatOf(where.year);
  const latest = latestPublished(where, format);
  const rows = await prisma.$queryRawUnsafe<
    { table_key: string | null; row_key: string | null; column_key: string | null; count: bigint | null; amount: string | null; change: bigint | null; unit_ids: string[] | null }[]
  >(
    `with latest as (${latest.sql})
     select c.table_key, c.row_key, c.column_key, sum(c.count) as count, sum(c.amount)::text as amount, sum(c.change) as change,
            null::text[] as unit_ids
       from latest l join revision_cell c on c.revision_id = l.id
      group by c.table_key, c.row_key, c.column_key
     union all
     -- One row even when nothing is published, to carry the (empty) list of units.
     select null, null, null, null, null, null, (select coalesce(array_agg(organization_id::text), '{}') from latest)`,
    ...latest.params,
  );
  const sums = new Map(rows.map((row) => [`${row.table_key}.${row.row_key}.${row.column_key}`, row]));
  const values = Object.fromEntries(
    formatCells(format).map((cell) => {
      const row = sums.get(cell.key);
      const value = storedValue(cell.kind, row && { count: row.count != null ? Number(row.count) : null, amount: row.amount, change: row.change != null ? Number(row.change) : null });
      return [cell.key, value];
    }),
  );
  const unitIds = rows.find((row) => row.unit_ids !== null)?.unit_ids ?? [];
  return { format, year: where.year, units: unitIds.length, unitIds, values };
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

/** The units behind one summed cell, largest first. */
export async function rollupContributions(prisma: PrismaClient, where: RollupWhere, key: string): Promise<Contribution[] | null> {
  const format = formatOf(where.year);
  const cell = findCell(format, key);
  if (!cell) return null;
  const latest = latestPublished(where, format);
  const n = latest.params.length;
  const rows = await prisma.$queryRawUnsafe<{ slug: string; name: string; kind: OrganizationKind; count: number | null; amount: string | null; change: number | null }[]>(
    `with latest as (${latest.sql})
     select o.slug, o.name, o.kind, c.count, c.amount::text as amount, c.change
       from latest l
       join organization o on o.id = l.organization_id
       left join revision_cell c on c.revision_id = l.id and c.table_key = $${n + 1} and c.row_key = $${n + 2} and c.column_key = $${n + 3}
      order by coalesce(c.count, c.amount, abs(c.change), 0) desc, o.name`,
    ...latest.params,
    cell.table,
    cell.row,
    cell.column,
  );
  return rows.map((row) => ({
    organization: { slug: row.slug, name: row.name, kind: row.kind },
    value: storedValue(cell.kind, row),
  }));
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
  const both = rollup.unitIds.filter((id) => before.has(id));
  const same = both.length === rollup.units && both.length === previous.units;
  if (same) return { units: both.length, current: rollup, previous };
  const [current, earlier] = await Promise.all([
    rollupCells(prisma, { ...where, unitIds: both }),
    rollupCells(prisma, { ...where, year: where.year - 1, unitIds: both }),
  ]);
  return { units: both.length, current, previous: earlier };
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
  const yearOnYear = comparison
    ? rollupFindings(comparison.current, comparison.previous).filter((f) => !rollupFindings(comparison.current, null).some((b) => b.message === f.message))
    : [];
  return {
    government: { id: government.id, slug: government.slug, name: government.name },
    scope,
    rollup,
    previous,
    comparison,
    findings: [...balances, ...yearOnYear],
  };
}
