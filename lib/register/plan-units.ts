// The 单位 table planned against what the database holds. A unit is keyed by
// its 统一社会信用代码 — names are labels: twenty units may be called 区财政局.
// A row is 新增, 变更 (each change said), 无变化, or 拒绝 with its reasons.
// Parents may come later in the file than their children, and the tree is
// judged as it would be after the import: lawful placements (parentProblem),
// no cycle, and — for a regional administrator — nothing created or changed
// outside its region. Pure: the database's part comes in as a Snapshot.
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { unitInScope, type AdminScope } from "@/lib/accounts/admin-scope";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import { isGovernment, PARENT_MESSAGES, parentProblem, type TreeNode } from "@/lib/organizations/tree";
import { codeReason, deriveShortName, nameReason } from "./check-fields";
import { KIND_HINT, normalizeCode, parseKind } from "./columns";
import { PlannedTree } from "./planned-tree";
import { slugCandidates, type KnownUnit, type Snapshot } from "./snapshot";
import type { UnitPlan, UnitRecord } from "./types";

/** A unit an account row may name: from the file or the database, where it will stand. */
export interface PlannedUnit {
  id: string;
  name: string;
  kind: OrganizationKind;
  node: TreeNode;
  /** The 单位表 row that would create it was refused: it will not exist. */
  refusedRow: number | null;
}

interface Row {
  record: UnitRecord;
  code: string;
  parentCode: string;
  kind: OrganizationKind | null;
  existing: KnownUnit | null;
  id: string;
  /** The unit it will hang under: undefined while unresolved (an unknown code). */
  parentId: string | null | undefined;
  reasons: string[];
  notes: string[];
  changes: string[];
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
  const rows: Row[] = records.map((record) => {
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

  const rowsOf = (key: (row: Row) => string) => {
    const map = new Map<string, Row[]>();
    for (const row of rows) if (key(row) !== "") map.set(key(row), [...(map.get(key(row)) ?? []), row]);
    return map;
  };
  const byCode = rowsOf((row) => row.code);
  // Only a government's 行政区划代码 can clash; a township's is refused on its own.
  const byRegion = rowsOf((row) => (row.kind && isGovernment(row.kind) ? normalizeCode(row.record.regionCode) : ""));
  const others = (list: Row[] | undefined, row: Row) => (list ?? []).filter((r) => r !== row).map((r) => r.record.row).join("、");

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

function checkFields(
  row: Row,
  sameCode: Row[] | undefined,
  others: (list: Row[] | undefined, row: Row) => string,
  knownByRegion: Map<string, KnownUnit>,
  byRegion: Map<string, Row[]>,
) {
  const { record } = row;
  const codeProblem = codeReason(row.code);
  if (codeProblem) row.reasons.push(codeProblem);
  else if (sameCode && sameCode.length > 1) row.reasons.push(`统一社会信用代码在单位表中重复（第${others(sameCode, row)}行也是 ${row.code}）`);
  const name = nameReason(record.name, "单位全称", 100);
  if (name) row.reasons.push(name);
  const shortName = record.shortName === "" ? null : nameReason(record.shortName, "简称", 30);
  if (shortName) row.reasons.push(shortName);
  if (!row.kind) row.reasons.push(record.kind === "" ? `请填写类别（${KIND_HINT}）` : `类别“${record.kind}”无法识别，应为：${KIND_HINT}`);
  else if (row.existing && row.existing.kind !== row.kind) {
    row.reasons.push(`类别与系统中的不同（系统中为“${organizationKindLabels[row.existing.kind]}”），单位类别不能通过名录导入更改`);
  }
  const region = normalizeCode(record.regionCode);
  if (region === "") return;
  if (!/^\d{6}$/.test(region)) row.reasons.push(`行政区划代码“${record.regionCode}”有误：应为6位数字（GB/T 2260），如来安县为 341122`);
  else if (row.kind && !isGovernment(row.kind)) row.reasons.push("只有人民政府有行政区划代码，乡镇和部门请留空");
  else if ((byRegion.get(region)?.length ?? 0) > 1) row.reasons.push(`行政区划代码 ${region} 在单位表中重复（第${others(byRegion.get(region), row)}行）`);
  else {
    const holder = knownByRegion.get(region);
    if (holder && holder.id !== row.existing?.id) row.reasons.push(`行政区划代码 ${region} 已属于“${holder.name}”`);
  }
}

function resolveParent(row: Row, fileByCode: Map<string, Row>, byCode: Map<string, Row[]>, knownByCode: Map<string, KnownUnit>) {
  if (row.parentCode === "") {
    // An existing unit whose register leaves 上级 empty stays where it is; a new one is a root.
    row.parentId = row.existing ? row.existing.parentId : null;
    if (row.existing?.parentId) row.notes.push("未填上级单位，保持原上级");
    return;
  }
  if (row.parentCode === row.code) {
    row.reasons.push(`${PARENT_MESSAGES.cycle}：上级单位代码就是本单位的代码`);
    return;
  }
  const sameInFile = byCode.get(row.parentCode) ?? [];
  if (sameInFile.length > 1) {
    row.reasons.push(`上级单位代码 ${row.parentCode} 在单位表中出现了多次，无法确定上级`);
    return;
  }
  const inFile = fileByCode.get(row.parentCode);
  if (inFile) {
    row.parentId = inFile.id;
    return;
  }
  if (sameInFile.length === 1) {
    // The parent's own row is refused: its code does not verify.
    row.reasons.push(`上级单位（单位表第${sameInFile[0]!.record.row}行）未能导入，本行随之不能导入`);
    return;
  }
  const known = knownByCode.get(row.parentCode);
  if (known) {
    row.parentId = known.id;
    return;
  }
  row.reasons.push(codeReason(row.parentCode, "上级单位统一社会信用代码") ?? `上级单位代码 ${row.parentCode} 在单位表和系统中都找不到`);
}

/** What would change for an existing unit; what a new one would be. */
function describe(row: Row, nameOf: (id: string | null) => string) {
  const { existing, record } = row;
  if (!existing) return;
  if (record.name !== "" && record.name !== existing.name) row.changes.push(`名称：${existing.name} → ${record.name}`);
  if (record.shortName !== "" && record.shortName !== existing.shortName) row.changes.push(`简称：${existing.shortName} → ${record.shortName}`);
  if (row.parentId !== undefined && row.parentId !== existing.parentId) {
    row.changes.push(`上级：${nameOf(existing.parentId)} → ${nameOf(row.parentId)}（下级单位和报告随之移动）`);
  }
  const region = normalizeCode(record.regionCode);
  if (region !== "" && region !== existing.regionCode) row.changes.push(`行政区划代码：${existing.regionCode ?? "无"} → ${region}`);
}

function checkScope(row: Row, scope: AdminScope, nodeOf: (id: string) => TreeNode, knownById: Map<string, KnownUnit>) {
  const { existing } = row;
  if (existing && row.changes.length === 0) return;
  const parentInScope = (id: string | null | undefined) => typeof id === "string" && unitInScope(scope, nodeOf(id));
  if (!existing) {
    if (row.parentId === undefined) return;
    if (!parentInScope(row.parentId)) {
      row.reasons.push(row.parentId === null ? "只能在您管理的地区内新增单位：请填写本地区内的上级单位" : "上级单位不在您管理的地区内，不能在其下新增单位");
    }
    return;
  }
  if (!unitInScope(scope, { id: existing.id, ancestorIds: existing.ancestorIds })) {
    row.reasons.push("该单位不在您管理的地区内，不能修改");
  } else if (!existing.parentId || !unitInScope(scope, { id: existing.parentId, ancestorIds: knownById.get(existing.parentId)?.ancestorIds ?? [] })) {
    row.reasons.push(`“${existing.name}”是您管理的地区的最上级单位，只能由上级管理员修改`);
  } else if (row.parentId !== existing.parentId && row.parentId !== undefined && !parentInScope(row.parentId)) {
    row.reasons.push("不能把单位移到您管理的地区以外");
  }
}

/** A new unit, or one moved, under a unit of the file that will not exist cannot be placed either. */
function cascadeRefusals(rows: Row[], fileByCode: Map<string, Row>) {
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of rows) {
      if (row.reasons.length > 0 || row.parentCode === "") continue;
      const parent = fileByCode.get(row.parentCode);
      const placed = !row.existing || row.parentId !== row.existing.parentId;
      if (parent && placed && !parent.existing && parent.reasons.length > 0) {
        row.reasons.push(`上级单位（单位表第${parent.record.row}行）未能导入，本行随之不能导入`);
        changed = true;
      }
    }
  }
}

function toPlan(row: Row, tree: PlannedTree, taken: Set<string>, nameOf: (id: string | null) => string): UnitPlan {
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
