"use client";

import { ActionForm } from "@/components/action-form";
import { changeOwnPasswordAction } from "@/lib/admin/actions";

const field = "mt-1 block w-72 rounded border border-gray-400 px-2 py-1";

export function ChangePasswordForm() {
  return (
    <ActionForm action={changeOwnPasswordAction} submitLabel="修改密码" successMessage="密码已修改">
      <label className="block text-sm">当前密码
        <input name="currentPassword" type="password" autoComplete="current-password" required className={field} />
      </label>
      <label className="block text-sm">新密码
        <input name="newPassword" type="password" autoComplete="new-password" required maxLength={256} className={field} />
      </label>
    </ActionForm>
  );
}
