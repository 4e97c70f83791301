// The 账号 table planned against the database and the planned units. An
// account is keyed by its 用户名; a row adds roles (never removes one) and
// updates 姓名 and 电子邮箱 when the register says otherwise. Every role is
// judged by grantRefusal, the rule the administration screen applies, so an
// import grants nothing a screen would refuse. New accounts get no password:
// they get an invitation when the import is applied.
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { accountInScope, type AdminScope } from "@/lib/organizations/admin-scope";
import { grantRefusal, type GrantAccount } from "@/lib/accounts/role-rules";
import { ZEmail, ZUsername } from "@/lib/accounts/schemas";
import { codeReason, nameReason } from "./check-fields";
import { normalizeCode, parseRoles, REGISTER_ROLE_LABELS, ROLE_HINT } from "./columns";
import type { PlannedUnit } from "./plan-units";
import type { KnownAccount, KnownUnit, Snapshot } from "./snapshot";
import type { AccountPlan, AccountRecord } from "./types";

export function planAccounts(
  records: readonly AccountRecord[],
  snapshot: Snapshot,
  units: ReadonlyMap<string, PlannedUnit>,
  actor: Pick<Actor, "accountId">,
  scope: AdminScope,
  newId: () => string,
  mail: boolean,
): AccountPlan[] {
  const byUsername = new Map(snapshot.accounts.map((a) => [a.username, a]));
  const knownById = new Map(snapshot.units.map((u) => [u.id, u]));
  const usernames = records.map((r) => ZUsername.safeParse(r.username));
  const rowsByName = new Map<string, number[]>();
  usernames.forEach((parsed, i) => {
    if (parsed.success) rowsByName.set(parsed.data, [...(rowsByName.get(parsed.data) ?? []), records[i]!.row]);
  });

  return records.map((record, i) => {
    const parsed = usernames[i]!;
    const username = parsed.success ? parsed.data : record.username;
    const reasons: string[] = [];
    const notes: string[] = [];
    const changes: string[] = [];
    const base = { row: record.row, username, displayName: record.displayName, changes, reasons, notes };
    if (!parsed.success) reasons.push(record.username === "" ? "请填写用户名" : `用户名“${record.username}”有误：${parsed.error.issues[0]!.message}`);
    const repeated = parsed.success ? rowsByName.get(username)!.filter((row) => row !== record.row) : [];
    if (repeated.length > 0) reasons.push(`用户名在账号表中重复（第${repeated.join("、")}行）：一人一行，几个角色写在同一格，用“、”分隔`);
    const existing = parsed.success ? (byUsername.get(username) ?? null) : null;

    const name = record.displayName === "" && existing ? null : nameReason(record.displayName, "姓名", 50);
    if (name) reasons.push(name);
    const email = ZEmail.safeParse(record.email);
    if (!email.success) reasons.push(`电子邮箱“${record.email}”格式不正确`);
    const { roles, unknown } = parseRoles(record.roles);
    if (unknown.length > 0) reasons.push(`角色“${unknown.join("、")}”无法识别，应为：${ROLE_HINT}`);
    else if (roles.length === 0) reasons.push(`请填写角色（${ROLE_HINT}）`);
    const unit = findUnit(normalizeCode(record.unitCode), units, reasons);
    if (reasons.length > 0 || !unit || !email.success) return { ...base, outcome: "refused" as const };

    const held = (role: Role) => existing?.roles.some((r) => r.role === role && r.organizationId === unit.id) ?? false;
    const grants = roles.filter((role) => !held(role)).map((role) => ({ organizationId: unit.id, role }));
    const displayName = record.displayName || existing!.displayName;
    const newEmail = email.data ?? existing?.email ?? null;
    if (existing) {
      if (displayName !== existing.displayName) changes.push(`姓名：${existing.displayName} → ${displayName}`);
      if (newEmail !== existing.email) changes.push(`电子邮箱：${existing.email ?? "无"} → ${newEmail}`);
      for (const grant of grants) changes.push(`新增角色：${REGISTER_ROLE_LABELS[grant.role]}（${unit.name}）`);
      if (existing.disabled) notes.push("该账号已停用，导入不会启用它");
      if (changes.length === 0) return { ...base, outcome: "unchanged" as const };
      if (!accountInScope(scope, scopedAccount(existing, knownById))) {
        reasons.push("该用户名已被本地区以外的账号使用，本地区管理员不能修改它；如确是同一人，请联系上级管理员");
        return { ...base, outcome: "refused" as const };
      }
    } else {
      changes.push(`单位：${unit.name}`, `角色：${roles.map((role) => REGISTER_ROLE_LABELS[role]).join("、")}`);
      notes.push(mail && newEmail ? "导入后生成一次性邀请链接，并发送到电子邮箱" : "导入后生成一次性邀请链接，请交给本人");
    }

    // Each role judged with the roles before it, so that 填报人、管理员 in one cell is refused as on the screen.
    const account: GrantAccount = existing ? { ...scopedAccount(existing, knownById), id: existing.id } : newAccount(username);
    for (const grant of grants) {
      const refusal = grantRefusal(actor, scope, account, grant.role, { ...unit.node, kind: unit.kind });
      if (refusal) reasons.push(`不能授予“${REGISTER_ROLE_LABELS[grant.role]}”：${refusal}`);
      account.roles = [...account.roles, { role: grant.role, organization: unit.node }];
    }
    if (reasons.length > 0) return { ...base, outcome: "refused" as const };
    const write = {
      id: existing?.id ?? newId(),
      create: !existing,
      username,
      displayName,
      email: newEmail,
      grants,
      ...(existing ? { before: { displayName: existing.displayName, email: existing.email } } : {}),
    };
    return { ...base, displayName, outcome: existing ? ("changed" as const) : ("new" as const), write };
  });
}

function findUnit(code: string, units: ReadonlyMap<string, PlannedUnit>, reasons: string[]): PlannedUnit | null {
  const problem = codeReason(code, "单位统一社会信用代码");
  if (problem) {
    reasons.push(problem);
    return null;
  }
  const unit = units.get(code);
  if (!unit) reasons.push(`单位代码 ${code} 在单位表和系统中都找不到`);
  else if (unit.refusedRow !== null) reasons.push(`所在单位（单位表第${unit.refusedRow}行）未能导入，本行随之不能导入`);
  return unit && unit.refusedRow === null ? unit : null;
}

function scopedAccount(account: KnownAccount, knownById: ReadonlyMap<string, KnownUnit>): GrantAccount {
  return {
    id: account.id,
    isSystemAdmin: account.isSystemAdmin,
    isAuditor: account.isAuditor,
    roles: account.roles.map((r) => ({
      role: r.role,
      organization: { id: r.organizationId, ancestorIds: knownById.get(r.organizationId)?.ancestorIds ?? [] },
    })),
  };
}

/** An account the import would create: no role yet, and never the actor itself. */
function newAccount(username: string): GrantAccount {
  return { id: `new:${username}`, isSystemAdmin: false, isAuditor: false, roles: [] };
}
