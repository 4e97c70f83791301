import type { Metadata } from "next";
import { roleLabels } from "@/lib/accounts/schemas";
import { grantableRoles } from "@/lib/accounts/role-rules";
import { getActor } from "@/lib/auth/current-actor";
import { getAdminOverview } from "@/lib/admin/queries";
import { unitCodeFlag } from "@/lib/organizations/credit-code";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import { AccountForms, AccountRow } from "./_components/account-forms";
import { OrganizationForm } from "./_components/organization-form";
import { OrganizationSettingsForm } from "./_components/organization-settings-form";

export const metadata: Metadata = { title: "系统管理" };

export default async function AdminPage() {
  const actor = await getActor();
  if (!actor?.isSystemAdmin) {
    return <p>只有系统管理员可以管理机构和账号。</p>;
  }
  const { organizations, accounts, outbox } = await getAdminOverview(actor);
  const organizationOptions = organizations.map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">系统管理</h1>
      <section aria-labelledby="orgs" className="mb-10">
        <h2 id="orgs" className="mb-2 text-lg font-semibold">机构</h2>
        <table className="mb-4 w-full border-collapse text-sm">
          <thead>
            <tr>
              {["机关全称", "简称", "网址标识", "类型", "上级", "机构代码与发布方式"].map((h) => (
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
                <td className="border p-1">{o.parent?.name ?? ""}</td>
                <td className="border p-1">
                  <OrganizationSettingsForm organization={{ id: o.id, name: o.name, code: o.code, publisher: o.publisher }} />
                  {unitCodeFlag(o.code) && <p className="mt-1 text-xs text-amber-900" data-code-flag>{unitCodeFlag(o.code)}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <OrganizationForm counties={organizationOptions.filter((o) => o.kind === "COUNTY_GOVERNMENT")} />
      </section>
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
      <section aria-labelledby="accounts">
        <h2 id="accounts" className="mb-2 text-lg font-semibold">账号与角色</h2>
        <ul className="mb-4 space-y-3">
          {accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={{
                id: account.id,
                username: account.username,
                displayName: account.displayName,
                isSystemAdmin: account.isSystemAdmin,
                disabled: account.disabled,
                locked: account.lockedUntil !== null && account.lockedUntil > new Date(),
                email: account.email,
                dailyDigest: account.dailyDigest,
                roles: account.roles.map((r) => ({
                  role: r.role,
                  label: roleLabels[r.role],
                  organizationId: r.organization.id,
                  organization: r.organization.shortName,
                })),
              }}
              organizations={organizationOptions}
              isSelf={account.id === actor.accountId}
              grantable={grantableRoles(actor, account)}
            />
          ))}
        </ul>
        <AccountForms />
      </section>
    </>
  );
}
