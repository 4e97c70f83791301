"use client";

import { ActionForm } from "@/components/action-form";
import { roleLabels } from "@/lib/accounts/schemas";
import {
  createAccountAction,
  grantRoleAction,
  resetPasswordAction,
  revokeRoleAction,
  setAccountDisabledAction,
  updateAccountContactAction,
} from "@/lib/admin/actions";
import { InviteButton } from "./invite-button";

const field = "rounded border border-gray-400 px-2 py-1";

interface AccountView {
  id: string;
  username: string;
  displayName: string;
  isSystemAdmin: boolean;
  disabled: boolean;
  locked: boolean;
  email: string | null;
  dailyDigest: boolean;
  roles: { role: string; label: string; organizationId: string; organization: string }[];
}

type Role = keyof typeof roleLabels;

const CONTENT_ROLE_KEYS: Role[] = ["CLERK", "REVIEWER"];

function GrantForm({ accountId, units, roles }: { accountId: string; units: { id: string; name: string }[]; roles: readonly Role[] }) {
  if (roles.length === 0 || units.length === 0) return null;
  return (
    <ActionForm action={grantRoleAction} hidden={{ accountId }} submitLabel="分配角色" className="flex flex-wrap items-end gap-1">
      <label>机构
        <select name="organizationId" className={field} defaultValue="">
          <option value="">请选择</option>
          {units.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </select>
      </label>
      <label>角色
        <select name="role" className={field} defaultValue={roles[0]}>
          {roles.map((role) => (
            <option key={role} value={role}>{roleLabels[role]}</option>
          ))}
        </select>
      </label>
    </ActionForm>
  );
}

export function AccountRow({
  account,
  organizations,
  governments,
  isSelf,
  grantable,
}: {
  account: AccountView;
  organizations: { id: string; name: string }[];
  /** 主管部门 and 管理员 are roles of a government: only these are offered for them. */
  governments: { id: string; name: string }[];
  isSelf: boolean;
  /** The roles the server lets this administrator give this account (lib/accounts/role-rules.ts). */
  grantable: { content: readonly Role[]; government: readonly Role[] };
}) {
  const any = grantable.content.length + grantable.government.length > 0;
  return (
    <li className="rounded border border-gray-300 p-3 text-sm">
      <p className="font-semibold">
        {account.displayName}（{account.username}）
        {account.isSystemAdmin && " · 系统管理员"}
        {account.disabled && " · 已停用"}
        {account.locked && " · 已锁定"}
      </p>
      <ul className="my-1">
        {account.roles.map((r) => (
          <li key={`${r.organizationId}-${r.role}`} className="flex items-center gap-2">
            {r.organization} · {r.label}
            <ActionForm
              action={revokeRoleAction}
              hidden={{ accountId: account.id, organizationId: r.organizationId, role: r.role }}
              submitLabel={`撤销`}
              className="inline-flex items-center gap-1"
            >
              <span className="sr-only">{`${account.displayName}在${r.organization}的${r.label}角色`}</span>
            </ActionForm>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-4">
        {any ? (
          <>
            <GrantForm accountId={account.id} units={organizations} roles={grantable.content} />
            <GrantForm accountId={account.id} units={governments} roles={grantable.government} />
          </>
        ) : (
          <p className="text-gray-700">{isSelf ? "自己的角色须由另一位管理员分配。" : null}</p>
        )}
        {any && grantable.content.length === 0 && <p className="text-gray-700">管理员不能担任填报人或审核人。</p>}
        {!isSelf && (
          <ActionForm
            action={setAccountDisabledAction}
            hidden={{ accountId: account.id, disabled: !account.disabled }}
            submitLabel={account.disabled ? "启用账号" : "停用账号"}
          >
            {null}
          </ActionForm>
        )}
        <ActionForm action={updateAccountContactAction} hidden={{ accountId: account.id }} submitLabel="保存邮箱" successMessage="已保存" className="flex flex-wrap items-end gap-1">
          <label>通知邮箱
            <input name="email" type="email" defaultValue={account.email ?? ""} autoComplete="off" className={field} />
          </label>
          {account.roles.some((r) => r.role === "SUPERVISOR") && (
            <label className="flex items-center gap-1"><input type="checkbox" name="dailyDigest" defaultChecked={account.dailyDigest} />每日摘要</label>
          )}
        </ActionForm>
        {!isSelf && <InviteButton accountId={account.id} username={account.username} />}
        <ActionForm action={resetPasswordAction} hidden={{ accountId: account.id }} submitLabel="重设密码" successMessage="已重设密码" className="flex items-end gap-1">
          <label>新密码<input name="password" type="password" autoComplete="new-password" className={field} /></label>
        </ActionForm>
      </div>
    </li>
  );
}

/** A new account. A regional administrator gives it its first role in the region at once (its accounts are those working there). */
export function AccountForms({ regional, organizations, governments }: { regional: boolean; organizations: { id: string; name: string }[]; governments: { id: string; name: string }[] }) {
  const governmentIds = new Set(governments.map((g) => g.id));
  return (
    <details className="rounded border border-gray-300 p-3">
      <summary className="cursor-pointer font-semibold">新建账号</summary>
      <ActionForm action={createAccountAction} submitLabel="新建账号" successMessage="已新建账号" className="mt-2 grid gap-2 sm:grid-cols-2">
        <label className="text-sm">用户名<input name="username" required autoComplete="off" className={`w-full ${field}`} /></label>
        <label className="text-sm">姓名<input name="displayName" required className={`w-full ${field}`} /></label>
        <label className="text-sm">通知邮箱（可不填）<input name="email" type="email" autoComplete="off" className={`w-full ${field}`} /></label>
        <label className="text-sm">初始密码（至少8位，含大小写字母、数字、符号中的3类）
          <input name="password" type="password" required autoComplete="new-password" className={`w-full ${field}`} />
        </label>
        <label className="text-sm">单位和角色{regional ? "" : "（可不填）"}
          <select name="firstRole" required={regional} defaultValue="" className={`w-full ${field}`}>
            <option value="">{regional ? "请选择" : "（暂不分配）"}</option>
            {organizations.map((o) => (
              <optgroup key={o.id} label={o.name}>
                {/* 主管部门 and 管理员 are held at a government only. */}
                {(governmentIds.has(o.id) ? (Object.keys(roleLabels) as Role[]) : CONTENT_ROLE_KEYS).map((role) => (
                  <option key={role} value={`${o.id}:${role}`}>{o.name} · {roleLabels[role]}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {!regional && (
          <>
            <label className="flex items-center gap-1 text-sm"><input type="checkbox" name="isSystemAdmin" />系统管理员</label>
            <label className="flex items-center gap-1 text-sm"><input type="checkbox" name="isAuditor" />审计员（只查看审计日志）</label>
          </>
        )}
      </ActionForm>
    </details>
  );
}
