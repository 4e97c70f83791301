import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/current-actor";
import { readDb } from "@/lib/db/client";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { formatChineseDate, toChinaTimeIso } from "@/lib/report-format";
import { RemindForm } from "./_components/remind-form";
import { REMINDED_TODAY_MESSAGE } from "@/lib/supervision/remind-units";
import { boardStatusLabel, loadStatusBoard, type BoardRow, type BoardStatus } from "@/lib/supervision/board";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import { parseSupervisionParams } from "@/lib/supervision/route-params";
import { sortBoardRows, filterBoardRows, boardFilters, boardSorts, type BoardSort } from "@/lib/supervision/board-view";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";
import { RegionTable } from "./_components/region-table";

export const metadata: Metadata = { title: "年报工作监督" };

type Props = {
  params: Promise<{ government: string; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function daysText(row: BoardRow): string {
  if (row.publishedOn) return row.late ? `逾期发布（${formatChineseDate(row.publishedOn)}）` : `按时发布（${formatChineseDate(row.publishedOn)}）`;
  if (row.daysLeft > 0) return `还剩 ${row.daysLeft} 天`;
  if (row.daysLeft === 0) return "今天截止";
  return `已逾期 ${-row.daysLeft} 天`;
}

const attention = (row: BoardRow) => row.late || row.status === "RETURNED";
const unpublished = (row: BoardRow) => row.status !== "PUBLISHED" && row.status !== "CORRECTING";
/** A unit whose report is not yet published can be reminded (催报), once a day. */
const remindable = (row: BoardRow) => unpublished(row) && !row.remindedToday;

export default async function StatusBoardPage({ params, searchParams }: Props) {
  const parsed = parseSupervisionParams(await params);
  if (!parsed) notFound();
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const board = await notFoundWhenDenied(loadStatusBoard(actor, parsed.government, parsed.year, readDb()));
  const query = await searchParams;
  const filter = typeof query.filter === "string" && query.filter in boardFilters ? query.filter : "all";
  const sort: BoardSort = typeof query.sort === "string" && query.sort in boardSorts ? (query.sort as BoardSort) : "deadline";
  const rows = sortBoardRows(filterBoardRows(board.rows, filter), sort);
  const base = `/workspace/supervision/${board.government.slug}/${board.year}`;
  const counts = new Map<BoardStatus, number>();
  for (const row of board.rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  const late = board.rows.filter((r) => r.late).length;

  return (
    <>
      {board.trail.length > 0 && (
        <nav aria-label="上级看板" className="mb-2 text-sm">
          {board.trail.map((up) => (
            <span key={up.slug}>
              <Link className="text-blue-800 underline" href={`/workspace/supervision/${up.slug}/${board.year}`}>{up.name}</Link>
              {" › "}
            </span>
          ))}
          <span aria-current="page">{board.government.name}</span>
        </nav>
      )}
      <h1 className="mb-1 text-2xl font-bold">{board.government.name} {board.year}年度报告工作监督</h1>
      <RegionTable regions={board.regions} year={board.year} />
      {board.regions.length > 0 && <h2 className="mb-2 text-lg font-bold">本级政府及直属单位</h2>}
      <p className="mb-4 text-sm text-gray-700">
        共 {board.rows.length} 个单位：
        {[...counts].map(([status, n]) => `${boardStatusLabel[status]} ${n}`).join("，")}
        {late > 0 && <strong className="text-red-800">；逾期 {late}</strong>}。今天是{formatChineseDate(board.today)}。
      </p>
      <nav aria-label="监督" className="mb-4 flex flex-wrap gap-4 text-sm">
        <Link className="text-blue-800 underline" href={`${base}/rollup`}>汇总表</Link>
        <a className="text-blue-800 underline" href={`${base}/downloads/board.xlsx`}>导出 Excel</a>
        <Link className="text-blue-800 underline" href={`/workspace/supervision/${board.government.slug}/deadlines?year=${board.year}`}>截止日期设置</Link>
        <Link className="text-blue-800 underline" href={`/workspace/supervision/${board.government.slug}/backfill`}>补录往年报告</Link>
      </nav>

      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          筛选
          <select name="filter" defaultValue={filter} className="rounded border border-gray-400 p-1">
            {Object.entries(boardFilters).map(([value, { label }]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          排序
          <select name="sort" defaultValue={sort} className="rounded border border-gray-400 p-1">
            {Object.entries(boardSorts).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-blue-800 px-3 py-1 text-white">查看</button>
      </form>

      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{board.government.name}各单位{board.year}年度报告状态</caption>
          <thead>
            <tr>
              {["催报", "单位", "类别", "状态", "截止日期", "期限", "最后活动", "问题"].map((label) => (
                <th key={label} scope="col" className="border bg-gray-100 p-1 text-left">{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.organization.id} data-unit={row.organization.slug} className={attention(row) ? "bg-red-50" : undefined}>
                <td className="border p-1" data-field="remind">
                  {remindable(row) && (
                    <input
                      type="checkbox"
                      name="organizationIds"
                      value={row.organization.id}
                      form="remind-form"
                      aria-label={`催报${row.organization.name}`}
                    />
                  )}
                  {row.remindedAt && <p className="text-xs text-gray-700">已催报 {formatChineseDate(toChinaTimeIso(row.remindedAt).slice(0, 10))}</p>}
                  {row.remindedToday && unpublished(row) && <p className="text-xs text-gray-700">{REMINDED_TODAY_MESSAGE}</p>}
                </td>
                <th scope="row" className="min-w-[7em] border p-1 text-left font-normal">
                  {row.reportId ? (
                    <Link className="text-blue-800 underline" href={`/workspace/reports/${row.reportId}/review`}>{row.organization.name}</Link>
                  ) : (
                    row.organization.name
                  )}
                </th>
                <td className="border p-1">{organizationKindLabels[row.organization.kind]}</td>
                <td className="border p-1" data-field="status">
                  {row.status === "RETURNED" ? <strong className="text-red-800">{boardStatusLabel[row.status]}</strong> : boardStatusLabel[row.status]}
                </td>
                <td className="border p-1">{formatChineseDate(row.deadline)}</td>
                <td className="border p-1" data-field="days">
                  {row.late ? <strong className="text-red-800">{daysText(row)}</strong> : daysText(row)}
                </td>
                <td className="border p-1">
                  {row.lastActivity ? row.lastActivity.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—"}
                </td>
                <td className="border p-1" data-field="warnings">
                  {row.errors > 0 && <p className="text-red-800">阻断性错误 {row.errors} 项</p>}
                  {row.warnings.length > 0 ? (
                    <details>
                      <summary>提示 {row.warnings.length} 项</summary>
                      <ul className="list-disc pl-5">
                        {row.warnings.map((warning, i) => <li key={i}>{warning}</li>)}
                      </ul>
                    </details>
                  ) : row.errors === 0 ? "—" : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="mt-2">没有符合条件的单位。</p>}
      <RemindForm governmentSlug={board.government.slug} year={board.year} />
    </>
  );
}
