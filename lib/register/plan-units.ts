// The 单位 table planned against what the database holds. A unit is keyed by
// its 统一社会信用代码 — names are labels: twenty units may be called 区财政局.
// A row is 新增, 变更 (each change said), 无变化, or 拒绝 with its reasons.
// Parents may come later in the file than their children, and the tree is
// judged as it would be after the import: lawful placements (parentProblem),
// no cycle, and — for a regional administrator — nothing created or changed
// outside its region. Pure: the database's part comes in as a Snapshot.
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { AdminScope } from "@/lib/organizations/admin-scope";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import { isGovernment, PARENT_MESSAGES, parentProblem, type TreeNode } from "@/lib/organizations/tree";
import { codeReason, deriveShortName } from "./check-fields";
import { normalizeCode, parseKind } from "./columns";
import { PlannedTree } from "./planned-tree";
import { slugCandidates, type Snapshot } from "./snapshot";
import type { UnitPlan, UnitRecord } from "./types";
import { cascadeRefusals, checkFields, checkScope, describe, resolveParent, type UnitRow } from "./unit-rows";

/** A unit an account row may name: from the file or the database, where it will stand. */
export interface PlannedUnit {
  id: string;
  name: string;
  kind: OrganizationKind;
  node: TreeNode;
  /** The 单位表 row that would create it was refused: it will not exist. */
  refusedRow: number | null;
}

export function planUnits(
  records: readonly UnitRecord[],
  snapshot: Snapshot,
  scope: AdminScope,
  newId: () => string,
): { plans: UnitPlan[]; units: Map<string, PlannedUnit> } {
  const knownByCode = new Map(snapshot.units.filter((u) => u.code).map((u) => [u.code!, u]));
  const knownById = new Map(snapshot.units.map((u) => [u.id, u]));
  const knownByRegion = new Map(snapshot.units.filter((u) => u.regionCode).map((u) => [u.regionCode!, u]));
  const rows: UnitRow[] = records.map((record) => {
    const code = normalizeCode(record.code);
    const existing = knownByCode.get(code) ?? null;
    return {
      record,
      code,
      parentCode: normalizeCode(record.parentCode),
      kind: parseKind(record.kind),
      existing,
      id: existing?.id ?? newId(),
      parentId: undefined,
      reasons: [],
      notes: [],
      changes: [],
    };
  });

  const rowsOf = (key: (row: UnitRow) => string) => {
    const map = new Map<string, UnitRow[]>();
    for (const row of rows) if (key(row) !== "") map.set(key(row), [...(map.get(key(row)) ?? []), row]);
    return map;
  };
  const byCode = rowsOf((row) => row.code);
  // Only a government's 行政区划代码 can clash; a township's is refused on its own.
  const byRegion = rowsOf((row) => (row.kind && isGovernment(row.kind) ? normalizeCode(row.record.regionCode) : ""));
  const others = (list: UnitRow[] | undefined, row: UnitRow) => (list ?? []).filter((r) => r !== row).map((r) => r.record.row).join("、");

  for (const row of rows) checkFields(row, byCode.get(row.code), others, knownByRegion, byRegion);

  // Rows a code can name: a code that verifies, once in the file.
  const fileByCode = new Map(rows.filter((r) => !codeReason(r.code) && byCode.get(r.code)!.length === 1).map((r) => [r.code, r]));
  for (const row of rows) resolveParent(row, fileByCode, byCode, knownByCode);

  const tree = new PlannedTree();
  for (const unit of snapshot.units) tree.set({ id: unit.id, name: unit.name, parentId: unit.parentId });
  for (const row of rows) {
    if (!codeReason(row.code) && byCode.get(row.code)!.length > 1) continue;
    const parentId = row.parentId === undefined ? (row.existing?.parentId ?? null) : row.parentId;
    tree.set({ id: row.id, name: row.record.name || row.code, parentId });
  }
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const kindOf = (id: string) => rowById.get(id)?.kind ?? knownById.get(id)?.kind ?? null;
  const nodeOf = (id: string): TreeNode => ({ id, ancestorIds: tree.chain(id) ?? knownById.get(id)?.ancestorIds ?? [] });
  const nameOf = (id: string | null) => (id === null ? "无（最上级）" : (tree.get(id)?.name ?? id));

  for (const row of rows) {
    if (row.parentId === undefined || !row.kind) continue;
    const cycle = tree.cycleThrough(row.id);
    if (cycle) {
      row.reasons.push(`${PARENT_MESSAGES.cycle}：${cycle.join(" → ")}`);
      continue;
    }
    const parentKind = row.parentId === null ? null : kindOf(row.parentId);
    if (row.parentId !== null && !parentKind) continue;
    const parent = row.parentId === null ? null : { ...nodeOf(row.parentId), kind: parentKind! };
    const problem = parentProblem({ id: row.id, kind: row.kind }, parent);
    if (problem === "needs-parent") row.reasons.push(`${PARENT_MESSAGES[problem]}：请填写上级单位统一社会信用代码`);
    else if (problem) row.reasons.push(`${PARENT_MESSAGES[problem]}（上级“${nameOf(row.parentId)}”是${organizationKindLabels[parentKind!]}）`);
  }

  for (const row of rows) describe(row, nameOf);
  if (!scope.all) for (const row of rows) checkScope(row, scope, nodeOf, knownById);
  cascadeRefusals(rows, fileByCode);

  const taken = new Set(snapshot.takenSlugs);
  const plans = rows.map((row) => toPlan(row, tree, taken, nameOf));
  const units = new Map<string, PlannedUnit>();
  for (const unit of snapshot.units) {
    if (unit.code) units.set(unit.code, { id: unit.id, name: unit.name, kind: unit.kind, node: nodeOf(unit.id), refusedRow: null });
  }
  for (const row of fileByCode.values()) {
    if (!row.kind) continue;
    const refused = row.reasons.length > 0;
    // A refused row leaves an existing unit as it is; a new one is not created.
    if (refused && row.existing) continue;
    units.set(row.code, { id: row.id, name: row.record.name, kind: row.kind, node: nodeOf(row.id), refusedRow: refused ? row.record.row : null });
  }
  return { plans, units };
}

function toPlan(row: UnitRow, tree: PlannedTree, taken: Set<string>, nameOf: (id: string | null) => string): UnitPlan {
  const { record, existing } = row;
  const base = { row: record.row, code: row.code || record.code, name: record.name, changes: row.changes, reasons: row.reasons, notes: row.notes };
  if (row.reasons.length > 0 || !row.kind || row.parentId === undefined) return { ...base, outcome: "refused" };
  const depth = tree.chain(row.id)?.length ?? 0;
  const region = normalizeCode(record.regionCode) || null;
  if (existing) {
    if (row.changes.length === 0) return { ...base, outcome: "unchanged" };
    const write = {
      id: existing.id,
      create: false,
      depth,
      slug: existing.slug,
      code: row.code,
      name: record.name || existing.name,
      shortName: record.shortName || existing.shortName,
      kind: existing.kind,
      parentId: row.parentId,
      regionCode: region ?? existing.regionCode,
      before: { name: existing.name, shortName: existing.shortName, parentId: existing.parentId, regionCode: existing.regionCode },
    };
    return { ...base, outcome: "changed", write };
  }
  const slug = slugCandidates(row.code, region).find((candidate) => !taken.has(candidate));
  if (!slug) return { ...base, outcome: "refused", reasons: [`无法生成网址标识（${slugCandidates(row.code, region)[0]} 等已被使用）`] };
  taken.add(slug);
  const parentName = row.parentId === null ? null : nameOf(row.parentId);
  const shortName = record.shortName || deriveShortName(record.name, parentName);
  const notes = record.shortName ? row.notes : [...row.notes, `简称未填，取自全称：${shortName}`];
  const changes = [`上级：${parentName ?? "无（最上级）"}`, `网址标识：${slug}`];
  const write = { id: row.id, create: true, depth, slug, code: row.code, name: record.name, shortName, kind: row.kind, parentId: row.parentId, regionCode: region };
  return { ...base, changes, notes, outcome: "new", write };
}
