"use client";

import { useActionState } from "react";
import { acceptInvitationAction, type AcceptInvitationState } from "@/lib/invitations/actions";

const field = "mt-1 block w-full rounded border border-gray-400 px-2 py-1";

/** Works before the page's script loads: the form posts to the action and the page comes back with its answer. */
export function AcceptInvitationForm({ token, username, closed }: { token: string; username: string; closed: string | null }) {
  const [state, action, pending] = useActionState<AcceptInvitationState, FormData>(acceptInvitationAction, null);
  if (state?.ok) {
    return (
      <div role="status" className="rounded border border-green-700 bg-green-50 p-3">
        <p className="mb-2">密码已设置。请用用户名 <strong>{state.username}</strong> 和新密码登录。</p>
        <a href="/login?callbackUrl=%2Fworkspace" className="rounded bg-blue-800 px-4 py-1 text-white">前往登录</a>
      </div>
    );
  }
  if (closed) return <p role="alert" className="rounded border border-amber-600 bg-amber-50 p-3">{closed}</p>;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <label className="block text-sm font-semibold">
        新密码
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          maxLength={256}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          className={field}
        />
      </label>
      {errors.password && <p id="password-error" className="text-sm text-red-800">{errors.password}</p>}
      <label className="block text-sm font-semibold">
        再次输入新密码
        <input
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          maxLength={256}
          aria-invalid={errors.confirmPassword ? true : undefined}
          aria-describedby={errors.confirmPassword ? "confirm-error" : undefined}
          className={field}
        />
      </label>
      {errors.confirmPassword && <p id="confirm-error" className="text-sm text-red-800">{errors.confirmPassword}</p>}
      <div role="alert" className="text-sm text-red-800">
        {state && !state.ok && !state.fieldErrors && <p>{state.message}</p>}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-1 text-white">
        {pending ? "正在设置…" : "设置密码"}
      </button>
    </form>
  );
}
