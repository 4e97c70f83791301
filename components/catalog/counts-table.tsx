import Link from "next/link";
import { catalogAreaLabel, categoryForReportRow } from "@/lib/catalog/categories";
import { measureLabel, type CatalogMeasure, type CatalogReportCounts } from "@/lib/catalog/report-measures";

/**
 * A unit-year's catalog counts: proactive disclosure by area and category,
 * and table 二's 第二十条第（一）项 figures. Every number links to its items.
 */
export function CountsTable({
  counts,
  linkTo,
  actionFor,
}: {
  counts: CatalogReportCounts;
  linkTo: (measure: CatalogMeasure, category: string | null) => string;
  /** A control beside a figure that a report cell takes (the editor's 填入 button). */
  actionFor?: (cell: string, value: number, label: string) => React.ReactNode;
}) {
  const count = (value: number, measure: CatalogMeasure, category: string | null) => (
    <Link href={linkTo(measure, category)} className="text-blue-800 underline">{value}</Link>
  );
  const normative = categoryForReportRow("normative");
  const regulation = categoryForReportRow("regulation");
  return (
    <div className="space-y-4">
      <table className="w-full max-w-xl border-collapse text-sm">
        <caption className="mb-1 text-left font-semibold">{counts.year}年主动公开信息（按发布日期）</caption>
        <thead>
          <tr>
            <th scope="col" className="border p-1 text-left">信息类别</th>
            <th scope="col" className="border p-1 text-right">条数</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className="border p-1 text-left">合计</th>
            <td className="border p-1 text-right font-semibold">{count(counts.total, "published", null)}</td>
          </tr>
          {(["basic", "standardized"] as const).map((area) => (
            <tr key={area}>
              <th scope="row" className="border p-1 text-left font-normal">其中：{catalogAreaLabel[area]}</th>
              <td className="border p-1 text-right">{counts.byArea[area]}</td>
            </tr>
          ))}
          {counts.byCategory.map(({ category, count: value }) => {
            const cell = category.reportRow && category.reportRow !== "regulation" && category.reportRow !== "normative" ? `active.${category.reportRow}.decisions` : null;
            return (
              <tr key={category.key}>
                <th scope="row" className="border p-1 pl-4 text-left font-normal">{category.label}</th>
                <td className="border p-1 text-right">
                  {count(value, "published", category.key)}
                  {cell && actionFor?.(cell, value, `${category.label} 本年处理决定数量`)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="w-full max-w-xl border-collapse text-sm">
        <caption className="mb-1 text-left font-semibold">第二十条第（一）项（对应年报表二）</caption>
        <thead>
          <tr>
            <th scope="col" className="border p-1 text-left">信息内容</th>
            <th scope="col" className="border p-1 text-right">本年制发件数</th>
            <th scope="col" className="border p-1 text-right">本年废止件数</th>
            <th scope="col" className="border p-1 text-right">现行有效件数</th>
          </tr>
        </thead>
        <tbody>
          {[regulation, normative].map((category) => (
            <tr key={category.key}>
              <th scope="row" className="border p-1 text-left font-normal">{category.label}</th>
              {(["issued", "repealed", "inForce"] as const).map((measure) => {
                const cell = `active.${category.reportRow}.${measure}`;
                const value = counts.cells[cell] ?? 0;
                return (
                  <td key={measure} className="border p-1 text-right">
                    {count(value, measure, category.key)}
                    {actionFor?.(cell, value, `${category.label} ${measureLabel[measure]}`)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
