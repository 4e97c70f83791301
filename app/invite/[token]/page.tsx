import type { Metadata } from "next";
import { authPolicy } from "@/lib/auth/policy";
import { findInvitation, INVITATION_MESSAGES } from "@/lib/invitations/accept-invitation";
import { AcceptInvitationForm } from "./_components/accept-invitation-form";

// The site's referrer policy (next.config.mjs) sends other sites the origin only, never this path and its token;
// "no-referrer" here would make the browser post the form with Origin: null, which Server Actions refuse.
export const metadata: Metadata = { title: "设置密码", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** Opening the link changes nothing (mail scanners open links too); only setting the password uses it. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  const policy = authPolicy();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold">设置密码</h1>
      {invitation.state === "open" && (
        <>
          <p className="mb-2">
            {invitation.displayName}，您好：管理员已为您开通账号，用户名为 <strong>{invitation.username}</strong>。请设置您自己的密码，之后用它登录。
          </p>
          <p className="mb-4 text-sm text-gray-700">
            密码至少{policy.PASSWORD_MIN_LENGTH}个字符，包含大写字母、小写字母、数字、符号中的至少{policy.PASSWORD_MIN_CLASSES}类；
            {policy.PASSPHRASE_MIN_LENGTH}个字符以上的长密码（如一句话）不限字符类别。本链接只能使用一次。
          </p>
        </>
      )}
      {/* Rendered whatever the link's state: after the password is set the page comes back with the link used, and the form's answer must stay. */}
      <AcceptInvitationForm
        token={token}
        username={invitation.state === "open" ? invitation.username : ""}
        closed={invitation.state === "open" ? null : INVITATION_MESSAGES[invitation.state]}
      />
    </div>
  );
}
