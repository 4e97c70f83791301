import type { Metadata } from "next";
import { getActor } from "@/lib/auth/current-actor";
import { authPolicy } from "@/lib/auth/policy";
import { ChangePasswordForm } from "./change-password-form";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "修改密码" };
export const dynamic = "force-dynamic";

/** Any signed-in person changes their own password here; an expired one is sent here first. */
export default async function ChangePasswordPage() {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const policy = authPolicy();
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">修改密码</h1>
      <p className="mb-1 text-sm">{actor.displayName}（{actor.username}）</p>
      {actor.mustChangePassword && (
        <p role="alert" className="mb-3 rounded border border-amber-600 bg-amber-50 p-2 text-sm">
          您的密码是管理员设置的临时密码，请先设置您自己的密码再继续工作。
        </p>
      )}
      {actor.passwordExpired && !actor.mustChangePassword && (
        <p role="alert" className="mb-3 rounded border border-amber-600 bg-amber-50 p-2 text-sm">
          密码已超过{policy.PASSWORD_MAX_AGE_DAYS}天未修改，请先修改密码再继续工作。
        </p>
      )}
      <p className="mb-3 text-sm text-gray-700">
        新密码至少{policy.PASSWORD_MIN_LENGTH}个字符，包含大写字母、小写字母、数字、符号中的至少{policy.PASSWORD_MIN_CLASSES}类；
        {policy.PASSPHRASE_MIN_LENGTH}个字符以上的长密码（如一句话）不限字符类别。修改后，您在其他设备上的登录将结束。
      </p>
      <ChangePasswordForm />
      <p className="mt-4 text-sm"><a href="/workspace" className="underline">返回工作台</a></p>
    </>
  );
}
