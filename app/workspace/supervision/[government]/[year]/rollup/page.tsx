import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatCellValue } from "@/components/report/format-value";
import { ReportTable } from "@/components/report/report-table";
import { getActor } from "@/lib/auth/current-actor";
import { metricGroups, metricValue } from "@/lib/report-format/metrics";
import { readDb } from "@/lib/db/client";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { comparableValues, sectionHeading, tableSections } from "@/lib/report-format";
import { loadGovernmentRollup, rollupScopes } from "@/lib/supervision/rollup";
import { parseScope, parseSupervisionParams } from "@/lib/supervision/route-params";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "年报汇总" };

type Props = {
  params: Promise<{ government: string; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function RollupPage({ params, searchParams }: Props) {
  const parsed = parseSupervisionParams(await params);
  if (!parsed) notFound();
  const scope = parseScope((await searchParams).scope);
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const view = await notFoundWhenDenied(loadGovernmentRollup(actor, parsed.government, parsed.year, scope, readDb()));
  const { government, rollup, previous, comparison, findings } = view;
  const base = `/workspace/supervision/${government.slug}/${rollup.year}`;
  const scopeQuery = scope === "all" ? "" : `?scope=${scope}`;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{government.name} {rollup.year}年度政府信息公开工作年度报告汇总</h1>
      <p className="mb-4 text-sm text-gray-700">
        {rollupScopes[scope].label}：已发布报告 {rollup.units} 份（各单位最新发布版本）。
        <Link className="ml-2 text-blue-800 underline" href={base}>返回监督看板</Link>
      </p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          汇总范围
          <select name="scope" defaultValue={scope} className="rounded border border-gray-400 p-1">
            {Object.entries(rollupScopes).map(([value, { label }]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-blue-800 px-3 py-1 text-white">汇总</button>
      </form>
      <nav aria-label="下载" className="mb-6 flex flex-wrap gap-4 text-sm">
        <span>下载汇总表：</span>
        {["xlsx", "csv", "json"].map((ext) => (
          <a key={ext} className="text-blue-800 underline" href={`${base}/downloads/rollup.${ext}${scopeQuery}`}>
            {{ xlsx: "Excel（.xlsx）", csv: "CSV", json: "JSON" }[ext]}
          </a>
        ))}
      </nav>

      <section aria-labelledby="rollup-checks" className="mb-6 rounded border border-gray-300 p-3">
        <h2 id="rollup-checks" className="mb-2 font-bold">汇总数据校验</h2>
        {findings.length === 0 ? (
          <p>汇总数据符合各项勾稽关系。</p>
        ) : (
          <ul className="list-disc pl-5">
            {findings.map((f, i) => (
              <li key={i} className={f.severity === "error" ? "text-red-800" : "text-amber-900"}>
                {f.severity === "error" ? "错误" : "提示"}：{f.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rollup-yoy" className="mb-6">
        <h2 id="rollup-yoy" className="mb-2 text-lg font-bold">与上年对比</h2>
        <p className="mb-2 text-sm text-gray-700" data-comparison-basis>
          {rollup.year}年汇总含 {rollup.units} 份报告，{rollup.year - 1}年含 {previous?.units ?? 0} 份。
          {comparison
            ? comparison.units === rollup.units && comparison.units === (previous?.units ?? 0)
              ? "两年的单位相同，直接对比。"
              : `为同口径对比，下表只计两年均已发布报告的 ${comparison.units} 个单位；只有一年发布的单位不计入增减。`
            : "上年没有已发布的报告，无法对比。"}
        </p>
        <div className="overflow-x-auto">
          <table className="border-collapse text-sm">
            <caption className="sr-only">汇总主要数据与上年对比</caption>
            <thead>
              <tr>
                <th scope="col" className="border bg-gray-100 p-1 text-left">项目</th>
                <th scope="col" className="border bg-gray-100 p-1 text-right">{rollup.year - 1}年{comparison && `（${comparison.units}个单位）`}</th>
                <th scope="col" className="border bg-gray-100 p-1 text-right">{rollup.year}年{comparison && `（${comparison.units}个单位）`}</th>
                <th scope="col" className="border bg-gray-100 p-1 text-right">增减</th>
              </tr>
            </thead>
            <tbody>
              {metricGroups(rollup.format).flatMap((group) =>
                group.metrics.map((metric) => {
                  // Like with like: the units published in both years (rollup.ts, likeForLike).
                  const now = comparison ? metricValue(metric, comparison.current.values) : metricValue(metric, rollup.values);
                  // Last year in another format: only the figures the formats declare to mean the same.
                  const before = comparison ? metricValue(metric, comparableValues(comparison.previous.format, rollup.format, comparison.previous.values)) : null;
                  const change = now !== null && before !== null ? now - before : null;
                  return (
                    <tr key={`${group.title}-${metric.label}`}>
                      <th scope="row" className="border p-1 text-left font-normal">{group.title}：{metric.label}</th>
                      <td className="border p-1 text-right">{before ?? "—"}</td>
                      <td className="border p-1 text-right">{now ?? "—"}</td>
                      <td className="border p-1 text-right">{change === null ? "—" : change > 0 ? `+${change}` : change}</td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      </section>

      {tableSections(rollup.format).map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="mb-6">
          <h2 id={`section-${section.key}`} className="mb-2 text-lg font-bold">{sectionHeading(section)}</h2>
          <div className="report-table-box" role="region" aria-label={section.heading} tabIndex={0}>
            <ReportTable
              table={section.table}
              caption={`${sectionHeading(section)}（汇总）`}
              renderCell={(key) => {
                const text = formatCellValue(rollup.values[key]);
                return text === "" ? "" : (
                  <Link className="text-blue-800 underline" href={`${base}/rollup/cells/${encodeURIComponent(key)}${scopeQuery}`}>{text}</Link>
                );
              }}
            />
          </div>
        </section>
      ))}
    </>
  );
}
