// The checks of the 单位 table's rows that plan-units.ts runs in turn: each
// row's own cells, its parent found by code (in the file or the database),
// what would change, the uploader's region, and the rows that cannot be
// placed because the row above them in the tree is refused.
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { unitInScope, type AdminScope } from "@/lib/organizations/admin-scope";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import { isGovernment, PARENT_MESSAGES, type TreeNode } from "@/lib/organizations/tree";
import { codeReason, nameReason } from "./check-fields";
import { KIND_HINT, normalizeCode } from "./columns";
import type { KnownUnit } from "./snapshot";
import type { UnitRecord } from "./types";

export interface UnitRow {
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

export function checkFields(
  row: UnitRow,
  sameCode: UnitRow[] | undefined,
  others: (list: UnitRow[] | undefined, row: UnitRow) => string,
  knownByRegion: Map<string, KnownUnit>,
  byRegion: Map<string, UnitRow[]>,
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

export function resolveParent(row: UnitRow, fileByCode: Map<string, UnitRow>, byCode: Map<string, UnitRow[]>, knownByCode: Map<string, KnownUnit>) {
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
export function describe(row: UnitRow, nameOf: (id: string | null) => string) {
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

export function checkScope(row: UnitRow, scope: AdminScope, nodeOf: (id: string) => TreeNode, knownById: Map<string, KnownUnit>) {
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
export function cascadeRefusals(rows: UnitRow[], fileByCode: Map<string, UnitRow>) {
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
