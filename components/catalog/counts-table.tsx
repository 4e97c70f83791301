import Link from "next/link";
import { catalogAreaLabel } from "@/lib/catalog/categories";
import type { CatalogFigure, CatalogMeasure, CatalogReportCounts } from "@/lib/catalog/report-measures";

/**
 * A unit-year's catalog counts: proactive disclosure by area and category,
 * and the figures of table 二 the year's format lets the catalog count.
 * Every number links to its items.
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
  // A figure that is simply the category's published items sits on the category's line;
  // figures of stock (制发, 废止, 现行有效) get a table of their own, laid out like table 二.
  const perCategory = counts.figures.filter((f) => f.measure === "published");
  const stock = counts.figures.filter((f) => f.measure !== "published");
  const stockRows = [...new Map(stock.map((f) => [f.category.key, f])).values()];
  const stockColumns = [...new Set(stock.map((f) => f.columnLabel))];
  const figureAt = (category: string, column: string) => stock.find((f) => f.category.key === category && f.columnLabel === column);
  const figure = (f: CatalogFigure) => (
    <>
      {count(f.count, f.measure, f.category.key)}
      {actionFor?.(f.cell, f.count, f.name)}
    </>
  );
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
            const cells = perCategory.filter((f) => f.category.key === category.key);
            return (
              <tr key={category.key}>
                <th scope="row" className="border p-1 pl-4 text-left font-normal">{category.label}</th>
                <td className="border p-1 text-right">
                  {count(value, "published", category.key)}
                  {cells.map((f) => <span key={f.cell}>{actionFor?.(f.cell, f.count, f.name)}</span>)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {stockRows.length > 0 && (
        <table className="w-full max-w-xl border-collapse text-sm">
          <caption className="mb-1 text-left font-semibold">{stockRows[0]!.category.article}（对应年报表二）</caption>
          <thead>
            <tr>
              <th scope="col" className="border p-1 text-left">信息内容</th>
              {stockColumns.map((column) => (
                <th key={column} scope="col" className="border p-1 text-right">{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stockRows.map((row) => (
              <tr key={row.category.key}>
                <th scope="row" className="border p-1 text-left font-normal">{row.rowLabel}</th>
                {stockColumns.map((column) => {
                  const f = figureAt(row.category.key, column);
                  return (
                    <td key={column} className="border p-1 text-right">
                      {f ? figure(f) : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
