"use client";

import { useState, useTransition } from "react";
import { issueInvitationAction } from "@/lib/invitations/actions";

type Issued = { url: string; path: string; expiresAt: string; mailed: boolean };

/**
 * 发送邀请链接: a new one-time link for an account (its invitation was lost or
 * ran out, or the person forgot the password). The link is shown here once;
 * any earlier unused link of the account stops working.
 */
export function InviteButton({ accountId, username }: { accountId: string; username: string }) {
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="text-sm">
      <button
        type="button"
        disabled={pending}
        aria-label={`为 ${username} 发送新的邀请链接`}
        className="rounded border border-blue-800 px-2 py-0.5 text-blue-800"
        onClick={() =>
          startTransition(async () => {
            const result = await issueInvitationAction({ accountId });
            setIssued(result.ok ? result.data : null);
            setError(result.ok ? null : result.message);
          })
        }
      >
        {pending ? "正在生成…" : "发送邀请链接"}
      </button>
      <div role="status" aria-live="polite">
        {issued && (
          <p className="mt-1 break-all">
            新的一次性链接（只显示这一次，
            {new Date(issued.expiresAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" })}
            前有效{issued.mailed ? "，已发送到该账号的邮箱" : ""}）：
            <a href={issued.path} className="text-blue-800 underline">{issued.url}</a>
          </p>
        )}
        {error && <p className="mt-1 text-red-800">{error}</p>}
      </div>
    </div>
  );
}
