import { redirect } from "next/navigation";
import { needsNewPassword } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";
import { SignOutButton } from "@/components/sign-out-button";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";
import { adminScope } from "@/lib/organizations/admin-scope";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  if (needsNewPassword(actor)) redirect("/account/password");
  return (
    <>
      <div className="mb-4 flex items-center justify-between border-b pb-2 text-sm">
        <p>{actor.displayName}（{actor.isSystemAdmin ? "系统管理员" : adminScope(actor) ? "管理员（本地区）" : "无管理权限"}）</p>
        <span className="flex items-center gap-4">
          <a href="/account/password" className="underline">修改密码</a>
          <SignOutButton />
        </span>
      </div>
      {children}
    </>
  );
}
