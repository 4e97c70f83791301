"use client";

import { useActionState } from "react";
import { confirmRegisterAction, type ConfirmRegisterState } from "@/lib/register/actions";
import { InvitationList } from "./invitation-list";

/**
 * 确认导入, and what the import did. The invitation links exist only in the
 * action's answer (the database keeps their hashes): they are shown here once.
 */
export function ConfirmImport({
  uploadId,
  digest,
  blocked,
  appliedAt,
}: {
  uploadId: string;
  digest: string;
  /** Why the preview cannot be confirmed, or null when it can. */
  blocked: string | null;
  appliedAt: string | null;
}) {
  const [state, action, pending] = useActionState<ConfirmRegisterState, FormData>(confirmRegisterAction, null);
  if (state?.ok) {
    const { units, accounts } = state.counts;
    return (
      <section aria-labelledby="import-done" className="mb-6 rounded border border-green-700 bg-green-50 p-3">
        <h2 id="import-done" className="mb-2 text-lg font-semibold" tabIndex={-1}>已导入</h2>
        <p role="status" className="mb-3 text-sm">
          单位：新增 {units.new}，变更 {units.changed}；账号：新增 {accounts.new}，变更 {accounts.changed}。每项改动都已记入审计日志。
        </p>
        <InvitationList invitations={state.invitations} />
      </section>
    );
  }
  if (appliedAt) {
    return (
      <p className="mb-6 rounded border border-gray-400 bg-gray-50 p-3 text-sm">
        该名录已于 {appliedAt} 导入，下面是与系统现状的核对结果。邀请链接只在导入时显示一次；如需重新发送，请在系统管理页为该账号发送新的邀请链接。
      </p>
    );
  }
  return (
    <form action={action} className="mb-6 space-y-2">
      <input type="hidden" name="uploadId" value={uploadId} />
      <input type="hidden" name="digest" value={digest} />
      {blocked ? (
        <p className="rounded border border-red-700 bg-red-50 p-3 text-sm">{blocked}</p>
      ) : (
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 text-white">
          {pending ? "正在导入…" : "确认导入"}
        </button>
      )}
      <div role="alert" className="text-sm text-red-800">
        {state && !state.ok && (
          <p>
            {state.message}
            {state.code === "CONFLICT" && (
              <a href={`/admin/import/${uploadId}`} className="ml-1 underline">查看新的预览</a>
            )}
          </p>
        )}
      </div>
    </form>
  );
}
