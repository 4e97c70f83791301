import type { ConfirmedInvitation } from "@/lib/register/actions";

const shanghai = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });

/** The new accounts' one-time links, to hand over: shown once, never stored. */
export function InvitationList({ invitations }: { invitations: ConfirmedInvitation[] }) {
  if (invitations.length === 0) return <p className="text-sm">没有新建账号，无需发送邀请链接。</p>;
  return (
    <>
      <p className="mb-2 text-sm font-semibold text-amber-900">
        下面是新账号的一次性邀请链接，只显示这一次（系统只保存其校验值）：请现在复制或打印，交给本人，由本人打开链接设置密码。
        链接 7 天内有效，只能使用一次；填了电子邮箱的已同时发送到邮箱。
      </p>
      <div className="overflow-x-auto" role="region" aria-labelledby="invitations-caption" tabIndex={0}>
        <table className="w-full min-w-[36rem] border-collapse text-sm" data-invitations>
          <caption id="invitations-caption" className="mb-1 text-left font-semibold">邀请链接（{invitations.length} 个）</caption>
          <thead>
            <tr>
              <th scope="col" className="border p-1 text-left">用户名</th>
              <th scope="col" className="border p-1 text-left">姓名</th>
              <th scope="col" className="border p-1 text-left">单位</th>
              <th scope="col" className="border p-1 text-left">邀请链接</th>
              <th scope="col" className="border p-1 text-left">有效期至</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.username}>
                <th scope="row" className="border p-1 text-left font-normal">{invitation.username}</th>
                <td className="border p-1">{invitation.displayName}</td>
                <td className="border p-1">{invitation.unit}</td>
                <td className="border p-1 break-all">
                  <a href={invitation.path} className="text-blue-800 underline">{invitation.url}</a>
                  {invitation.mailed && <span className="ml-1 text-gray-700">（已发邮件）</span>}
                </td>
                <td className="border p-1 whitespace-nowrap">{shanghai(invitation.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
