import type { Metadata } from "next";
import { roleLabels } from "@/lib/accounts/schemas";
import { adminScope } from "@/lib/organizations/admin-scope";
import { isGovernment, parentProblem } from "@/lib/organizations/tree";
import { MoveOrganizationForm } from "./_components/move-organization-form";
import Link from "next/link";
import { getActor } from "@/lib/auth/current-actor";
import { getAdminOverview } from "@/lib/admin/queries";
import { unitCodeFlag } from "@/lib/organizations/credit-code";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import { AccountForms } from "./_components/account-forms";
import { OrganizationForm } from "./_components/organization-form";
import { OrganizationSettingsForm } from "./_components/organization-settings-form";

export const metadata: Metadata = { title: "系统管理" };

/** Units in tree order: each government followed by what is under it. */
function inTreeOrder<T extends { id: string; name: string; ancestorIds: string[] }>(units: T[]): T[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path = (u: T) => [...u.ancestorIds.map((id) => byId.get(id)?.name ?? ""), u.name].join("\u0000");
  return [...units].sort((a, b) => (path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0));
}

export default async function AdminPage() {
  const actor = await getActor();
  if (!actor || !adminScope(actor)) {
    return <p>只有管理员可以管理机构和账号。</p>;
  }
  const { scope, organizations: found, accounts, outbox } = await getAdminOverview(actor);
  const organizations = inTreeOrder(found);
  const organizationOptions = organizations.map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
  const governmentOptions = organizationOptions.filter((o) => isGovernment(o.kind));
  const regionNames = scope.all ? [] : organizations.filter((o) => scope.roots.includes(o.id)).map((o) => o.name);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{scope.all ? "系统管理" : `本地区管理：${regionNames.join("、")}`}</h1>
      <p className="mb-4 text-sm text-gray-700">
        {scope.all ? "管理本系统的全部单位和账号。" : "只能管理本地区的单位和只在本地区任职的账号。"}
        <Link className="ml-2 text-blue-800 underline" href="/admin/import">从名录文件导入单位和账号</Link>
      </p>
      <section aria-labelledby="orgs" className="mb-10">
        <h2 id="orgs" className="mb-2 text-lg font-semibold">机构</h2>
        <table className="mb-4 w-full border-collapse text-sm">
          <thead>
            <tr>
              {["机关全称", "简称", "网址标识", "类型", "上级", "机构代码与发布方式", "调整隶属关系"].map((h) => (
                <th key={h} scope="col" className="border p-1 text-left">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <th scope="row" className="border p-1 text-left font-normal">{o.name}</th>
                <td className="border p-1">{o.shortName}</td>
                <td className="border p-1">{o.slug}</td>
                <td className="border p-1">{organizationKindLabels[o.kind]}</td>
                <td className="border p-1" data-field="parent">{o.parent?.name ?? ""}</td>
                <td className="border p-1">
                  <OrganizationSettingsForm organization={{ id: o.id, name: o.name, code: o.code, publisher: o.publisher }} />
                  {unitCodeFlag(o.code) && <p className="mt-1 text-xs text-amber-900" data-code-flag>{unitCodeFlag(o.code)}</p>}
                </td>
                <td className="border p-1">
                  <MoveOrganizationForm
                    organization={{ id: o.id, name: o.name }}
                    // Only the placements the server accepts: a lawful kind of parent in the region, not under itself.
                    parents={organizations.filter((p) => p.id !== o.parentId && parentProblem(o, p) === null).map((p) => ({ id: p.id, name: p.name }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <OrganizationForm parents={governmentOptions} mayCreateRoot={scope.all} />
      </section>
      {outbox && (
      <section aria-labelledby="mail" className="mb-10 text-sm" data-outbox>
        <h2 id="mail" className="mb-2 text-lg font-semibold">邮件通知</h2>
        <p>
          待发送 {outbox.pending} 封{outbox.oldestPendingAt && `（最早的一封生成于 ${outbox.oldestPendingAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}）`}；
          无法投递 {outbox.failed} 封。
        </p>
        {outbox.retrying && (
          <p className="text-red-800" data-outbox-error>
            邮件服务器暂时无法发送：{outbox.retrying.lastError}（已尝试 {outbox.retrying.attempts} 次，下次重试于{" "}
            {outbox.retrying.nextAttemptAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}）。邮件不会丢失，恢复后自动补发。
          </p>
        )}
      </section>
      )}
      <section aria-labelledby="accounts">
        <h2 id="accounts" className="mb-2 text-lg font-semibold">账号与角色</h2>
        <ul className="mb-4 space-y-3">
          {/* One line per account; its roles, password and contact are managed on its own page (one account's forms, not every unit × every account). */}
          {accounts.map((account) => (
            <li key={account.id} className="flex flex-wrap items-baseline gap-x-3 rounded border border-gray-300 p-2 text-sm">
              <span className="font-semibold">{account.displayName}（{account.username}）</span>
              {account.isSystemAdmin && <span>系统管理员</span>}
              {account.isAuditor && <span>审计员</span>}
              {account.disabled && <span>已停用</span>}
              <span className="text-gray-700">{account.roles.map((r) => `${r.organization.shortName} · ${roleLabels[r.role]}`).join("；") || "无角色"}</span>
              <Link className="text-blue-800 underline" href={`/admin/accounts/${account.id}`}>
                管理<span className="sr-only">{account.displayName}的账号</span>
              </Link>
            </li>
          ))}
        </ul>
        <AccountForms regional={!scope.all} organizations={organizationOptions} governments={governmentOptions} />
      </section>
    </>
  );
}
