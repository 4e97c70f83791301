import { redirect } from "next/navigation";
import { roleLabel } from "@/lib/auth/actor";
import { needsNewPassword } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";
import { SignOutButton } from "@/components/sign-out-button";
import { adminScope } from "@/lib/organizations/admin-scope";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";
import { unreadCount } from "@/lib/notifications/inbox";

// Signed-in pages depend on the session: rendered per request, never cached.
export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  if (needsNewPassword(actor)) redirect("/account/password");
  const unread = await unreadCount(actor);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 border-b pb-2 text-sm">
        <p>
          {actor.displayName}（{roleLabel(actor)}）
        </p>
        <nav aria-label="工作台" className="flex items-center gap-4">
          <a href="/workspace" className="underline">我的报告</a>
          <a href="/workspace/notifications" className="underline" data-unread={unread}>
            通知{unread > 0 && <span className="ml-1 rounded-full bg-red-700 px-1.5 text-xs text-white">{unread}<span className="sr-only">条未读</span></span>}
          </a>
          <a href="/workspace/catalog" className="underline">信息公开目录</a>
          {adminScope(actor) && <a href="/admin" className="underline">{actor.isSystemAdmin ? "系统管理" : "本地区管理"}</a>}
          {actor.isAuditor && <a href="/audit" className="underline">审计日志</a>}
          <a href="/account/password" className="underline">修改密码</a>
          <SignOutButton />
        </nav>
      </div>
      {children}
    </>
  );
}
