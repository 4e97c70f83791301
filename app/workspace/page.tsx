import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { formatChineseDate, todayInChina } from "@/lib/report-format";
import { listSupervisedGovernments } from "@/lib/supervision/government-access";
import { reportStatusText } from "@/lib/workflow/report-status";
import { listTodo, type TodoItem } from "@/lib/reports/todo-queries";
import { listWorkspace } from "@/lib/reports/workspace-queries";
import { dueStateLabel } from "@/lib/deadlines/due-reports";
import { ImportReportForm } from "./_components/import-report-form";
import { StartReportForm } from "./_components/start-report-form";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "我的报告" };

function deadlineText(daysLeft: number): string {
  if (daysLeft > 0) return `还剩 ${daysLeft} 天`;
  if (daysLeft === 0) return "今天截止";
  return `已逾期 ${-daysLeft} 天`;
}

function todoText(item: TodoItem): string {
  const report = `${item.organization}${item.year}年度报告`;
  switch (item.kind) {
    case "review":
      return `待审核：${report}`;
    case "publish":
      return `待发布：${report}`;
    case "returned":
      return `已退回，待修改：${report}`;
    case "due":
      return `应公开：${report}（${dueStateLabel[item.state ?? "NOT_STARTED"]}），${deadlineText(item.daysLeft ?? 0)}`;
  }
}

export default async function WorkspacePage() {
  // Layouts and pages render in parallel: the page checks the session itself.
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const [organizations, todo, governments] = await Promise.all([
    listWorkspace(actor),
    listTodo(actor),
    listSupervisedGovernments(actor, db()),
  ]);
  const thisYear = Number(todayInChina().slice(0, 4));
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">我的报告</h1>
      {governments.length > 0 && (
        <section aria-labelledby="supervision" className="mb-6 rounded border border-gray-300 p-3">
          <h2 id="supervision" className="mb-2 text-lg font-semibold">年报工作监督</h2>
          <ul className="space-y-1">
            {governments.map((government) => (
              <li key={government.slug}>
                {government.name}：
                {[thisYear - 1, thisYear, thisYear - 2].map((year) => (
                  <Link key={year} href={`/workspace/supervision/${government.slug}/${year}`} className="mr-3 text-blue-800 underline">
                    {year}年度监督看板
                  </Link>
                ))}
                <Link href={`/workspace/supervision/${government.slug}/${thisYear - 1}/rollup`} className="mr-3 text-blue-800 underline">
                  {thisYear - 1}年度汇总
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="todo" className="mb-8 rounded border border-gray-300 p-3">
        <h2 id="todo" className="mb-2 text-lg font-semibold">待办</h2>
        {todo.length === 0 ? (
          <p className="text-sm">暂无待办事项。</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {todo.map((item) => (
              <li key={`${item.kind}-${item.organization}-${item.year}`}>
                {item.href ? (
                  <Link href={item.href} className="text-blue-800 underline">{todoText(item)}</Link>
                ) : (
                  todoText(item)
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {organizations.length === 0 && <p>您的账号尚未分配填报或审核的机构，请联系系统管理员。</p>}
      {organizations.map((org) => (
        <section key={org.id} aria-labelledby={`org-${org.id}`} className="mb-8">
          <h2 id={`org-${org.id}`} className="mb-1 text-lg font-semibold">{org.name}</h2>
          {org.due.length > 0 ? (
            <section aria-label={`${org.name}应公开的年度报告`} className="mb-3 rounded border border-amber-600 bg-amber-50 p-2 text-sm">
              <h3 className="font-semibold">应公开的年度报告</h3>
              <ul className="mt-1 space-y-1" data-due-list>
                {org.due.map((due) => (
                  <li key={due.year} data-due-year={due.year}>
                    <span className={due.daysLeft < 0 ? "font-semibold text-red-800" : "font-semibold"}>
                      {due.year}年度报告应于{formatChineseDate(due.deadline)}前公开，{deadlineText(due.daysLeft)}（{dueStateLabel[due.state]}）
                    </span>
                    {due.reportId && (
                      <>
                        {" "}
                        <Link href={`/workspace/reports/${due.reportId}`} className="text-blue-800 underline">打开</Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <p className="mb-3 text-sm text-gray-700">已结束年度的报告均已公开。</p>
          )}
          <p className="mb-3 text-sm text-gray-700">
            {org.openYear.year}年尚未结束，其年度报告可以提前填写，须于{formatChineseDate(org.openYear.deadline)}前公开。
          </p>
          {org.reports.length > 0 ? (
            <table className="mb-3 w-full max-w-2xl border-collapse text-sm">
              <caption className="sr-only">{org.name}的年度报告</caption>
              <thead>
                <tr>
                  <th scope="col" className="border p-1 text-left">年度</th>
                  <th scope="col" className="border p-1 text-left">状态</th>
                  <th scope="col" className="border p-1 text-left">最后修改</th>
                </tr>
              </thead>
              <tbody>
                {org.reports.map((report) => (
                  <tr key={report.id}>
                    <th scope="row" className="border p-1 text-left font-normal">
                      <Link href={`/workspace/reports/${report.id}`} className="text-blue-800 underline">
                        {report.year}年度报告
                      </Link>
                    </th>
                    <td className={`border p-1 ${report.returned ? "font-semibold text-amber-900" : ""}`}>{reportStatusText(report.status, report.returned)}</td>
                    <td className="border p-1">
                      {report.updatedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mb-3 text-sm">还没有年度报告。</p>
          )}
          {org.canEdit && org.startableYears.length > 0 && (
            <>
              <StartReportForm
                organizationId={org.id}
                years={org.startableYears}
                defaultYear={org.defaultStartYear ?? org.startableYears[0]!}
                prefillableYears={org.prefillableYears}
              />
              <ImportReportForm organizationId={org.id} years={org.startableYears} defaultYear={org.defaultStartYear ?? org.startableYears[0]!} />
            </>
          )}
        </section>
      ))}
    </>
  );
}
