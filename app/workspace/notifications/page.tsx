import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/current-actor";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";
import { listInbox } from "@/lib/notifications/inbox";
import { markReadAction } from "@/lib/notifications/actions";
import { ActionForm } from "@/components/action-form";

export const metadata: Metadata = { title: "通知" };

const time = (date: Date) => date.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" });

export default async function NotificationsPage() {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const notifications = await listInbox(actor);
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">通知</h1>
      <p className="mb-3 text-sm">{unread > 0 ? `${unread} 条未读。` : "没有未读通知。"}</p>
      {unread > 0 && (
        <ActionForm action={markReadAction} submitLabel="全部标为已读" className="mb-4">
          <span className="sr-only">将全部通知标为已读</span>
        </ActionForm>
      )}
      {notifications.length === 0 ? (
        <p>暂无通知。</p>
      ) : (
        <ul className="space-y-3" aria-label="通知列表">
          {notifications.map((n) => (
            <li key={n.id} className={`rounded border p-3 ${n.readAt ? "border-gray-300" : "border-blue-800 bg-blue-50"}`} data-notification={n.kind}>
              <p className="text-sm text-gray-700">
                {n.readAt ? "已读" : "未读"} · {time(n.createdAt)}
              </p>
              <p className="font-semibold">
                <Link href={n.href} className="text-blue-800 underline">{n.title}</Link>
              </p>
              {n.body && <p className="text-sm">{n.body}</p>}
              {!n.readAt && (
                <ActionForm action={markReadAction} hidden={{ notificationId: n.id }} submitLabel="标为已读" className="mt-1">
                  <span className="sr-only">{n.title}</span>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
