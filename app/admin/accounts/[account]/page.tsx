import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { roleLabels } from "@/lib/accounts/schemas";
import { grantableRoles } from "@/lib/accounts/role-rules";
import { getActor } from "@/lib/auth/current-actor";
import { getManagedAccount } from "@/lib/admin/queries";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { isGovernment } from "@/lib/organizations/tree";
import { AccountRow } from "../../_components/account-forms";

export const metadata: Metadata = { title: "管理账号" };

/** One account's roles, status, password and contact, for an administrator whose region it is in. */
export default async function AccountPage({ params }: { params: Promise<{ account: string }> }) {
  const { account: accountId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(accountId)) notFound();
  const actor = await getActor();
  const { scope, account, organizations } = await notFoundWhenDenied(getManagedAccount(actor, accountId));
  const organizationOptions = organizations.map((o) => ({ id: o.id, name: o.name }));
  return (
    <>
      <p className="mb-2 text-sm"><Link className="text-blue-800 underline" href="/admin">返回管理首页</Link></p>
      <h1 className="mb-4 text-2xl font-bold">管理账号：{account.displayName}（{account.username}）</h1>
      <ul>
        <AccountRow
          account={{
            id: account.id,
            username: account.username,
            displayName: account.displayName,
            isSystemAdmin: account.isSystemAdmin,
            disabled: account.disabled,
            locked: account.lockedUntil !== null && account.lockedUntil > new Date(),
            email: account.email,
            dailyDigest: account.dailyDigest,
            roles: account.roles.map((r) => ({ role: r.role, label: roleLabels[r.role], organizationId: r.organization.id, organization: r.organization.shortName })),
          }}
          organizations={organizationOptions}
          governments={organizations.filter((o) => isGovernment(o.kind)).map((o) => ({ id: o.id, name: o.name }))}
          isSelf={account.id === actor!.accountId}
          grantable={grantableRoles(actor!, scope, account)}
        />
      </ul>
    </>
  );
}
