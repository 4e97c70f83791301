import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { needsNewPassword } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";
import { AUDIT_PAGE_SIZE, listAuditEvents, ZAuditFilters } from "@/lib/audit/audit-queries";
import { AppError } from "@/lib/errors";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "审计日志" };
export const dynamic = "force-dynamic";

const field = "rounded border border-gray-400 px-2 py-1";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  if (needsNewPassword(actor)) redirect("/account/password");
  const raw = await searchParams;
  const filters = ZAuditFilters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  let events;
  try {
    events = await listAuditEvents(actor, filters);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return <p>只有审计员可以查看审计日志。</p>;
    throw error;
  }
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">审计日志</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2 text-sm">
        <label>事件<input name="event" defaultValue={filters.event ?? ""} placeholder="如 report.approve" className={`block ${field}`} /></label>
        <label>账号<input name="actor" defaultValue={filters.actor ?? ""} className={`block ${field}`} /></label>
        <label>对象编号<input name="objectId" defaultValue={filters.objectId ?? ""} className={`block ${field}`} /></label>
        <label>结果
          <select name="result" defaultValue={filters.result ?? ""} className={`block ${field}`}>
            <option value="">全部</option>
            <option value="success">成功</option>
            <option value="failure">失败</option>
          </select>
        </label>
        <label>起始日期<input type="date" name="from" defaultValue={filters.from ?? ""} className={`block ${field}`} /></label>
        <label>截止日期<input type="date" name="to" defaultValue={filters.to ?? ""} className={`block ${field}`} /></label>
        <button type="submit" className="rounded bg-blue-800 px-3 py-1 text-white">筛选</button>
      </form>
      <p className="mb-2 text-sm text-gray-700">显示最近 {events.length} 条{events.length === AUDIT_PAGE_SIZE ? "（已达上限，请缩小筛选范围）" : ""}。</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-xs">
          <thead>
            <tr>
              {["时间", "账号", "角色", "来源IP", "事件", "对象", "结果", "详情"].map((h) => (
                <th key={h} scope="col" className="border p-1 text-left">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id.toString()}>
                <td className="border p-1 whitespace-nowrap">{e.occurredAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</td>
                <td className="border p-1">{e.actor}</td>
                <td className="border p-1">{e.role ?? ""}</td>
                <td className="border p-1">{e.sourceIp ?? ""}</td>
                <td className="border p-1">{e.event}</td>
                <td className="border p-1">{e.objectType ? `${e.objectType}:${e.objectId ?? ""}` : ""}</td>
                <td className="border p-1">{e.result === "success" ? "成功" : "失败"}</td>
                <td className="border p-1 font-mono">{e.detail ? JSON.stringify(e.detail) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
