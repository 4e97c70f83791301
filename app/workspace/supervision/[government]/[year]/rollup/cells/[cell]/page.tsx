import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/current-actor";
import { db, readDb } from "@/lib/db/client";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { findCell, formatForYear } from "@/lib/report-format";
import { requireSupervisedGovernment } from "@/lib/supervision/government-access";
import { rollupContributions, rollupScopes } from "@/lib/supervision/rollup";
import { parseScope, parseSupervisionParams } from "@/lib/supervision/route-params";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "汇总数据来源" };

type Props = {
  params: Promise<{ government: string; year: string; cell: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function RollupCellPage({ params, searchParams }: Props) {
  const { cell: rawCell, ...rest } = await params;
  const parsed = parseSupervisionParams(rest);
  const cellKey = decodeURIComponent(rawCell);
  const cell = parsed ? findCell(formatForYear(parsed.year)!, cellKey) : undefined;
  if (!parsed || !cell) notFound();
  const query = await searchParams;
  const scope = parseScope(query.scope);
  const page = Math.max(1, Math.min(100_000, Number.parseInt(String(query.page ?? "1"), 10) || 1));
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const { government } = await notFoundWhenDenied(requireSupervisedGovernment(actor, parsed.government, db()));
  const contributions = (await rollupContributions(readDb(), { governmentId: government.id, year: parsed.year, scope }, cellKey, page))!;
  const { rows, units, total, pageSize } = contributions;
  const back = `/workspace/supervision/${government.slug}/${parsed.year}/rollup${scope === "all" ? "" : `?scope=${scope}`}`;
  const pageHref = (to: number) => `?${new URLSearchParams({ ...(scope === "all" ? {} : { scope }), ...(to > 1 ? { page: String(to) } : {}) })}`;
  const first = (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + rows.length;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">汇总数据来源：{cell.rowPath.join(" ")} {cell.columnPath.join(" ")}</h1>
      <p className="mb-4 text-sm text-gray-700">
        {government.name} {parsed.year}年度，{rollupScopes[scope].label}，共{units}个单位{units > pageSize && rows.length > 0 ? `（数值从大到小，本页第${first}–${last}个）` : ""}。
        <Link className="text-blue-800 underline" href={back}>返回汇总表</Link>
      </p>
      <table className="border-collapse text-sm">
        <caption className="sr-only">各单位的数值</caption>
        <thead>
          <tr>
            <th scope="col" className="border bg-gray-100 p-1 text-left">单位</th>
            <th scope="col" className="border bg-gray-100 p-1 text-right">数值</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.organization.slug}>
              <th scope="row" className="border p-1 text-left font-normal">
                <Link className="text-blue-800 underline" href={`/reports/${c.organization.slug}/${parsed.year}`}>{c.organization.name}</Link>
              </th>
              <td className="border p-1 text-right">{c.value ?? ""}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="border p-1 text-left">合计（全部{units}个单位）</th>
            <td className="border p-1 text-right font-bold" data-field="total">{total}</td>
          </tr>
        </tfoot>
      </table>
      {units > pageSize && (
        <nav aria-label="翻页" className="mt-4 flex gap-4 text-sm">
          {page > 1 && <Link className="text-blue-800 underline" href={pageHref(page - 1)}>上一页</Link>}
          {last < units && <Link className="text-blue-800 underline" href={pageHref(page + 1)}>下一页</Link>}
        </nav>
      )}
    </>
  );
}
