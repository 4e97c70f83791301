import Link from "next/link";
import type { CatalogForReport } from "@/lib/catalog/report-comparison";
import { cellsFromCatalog, differencesFromCatalog } from "@/lib/catalog/report-measures";
import type { CellValue } from "@/lib/report-format";

/**
 * Where a table-二 figure differs from the unit's catalog count. A warning to
 * look into, not an error: the catalog may be incomplete, or the figure wrong.
 */
export function CatalogDifferences({
  formatVersion,
  values,
  catalog,
}: {
  formatVersion: string;
  values: Readonly<Record<string, CellValue>>;
  catalog: CatalogForReport;
}) {
  const differences = differencesFromCatalog(formatVersion, values, catalog.counts);
  const base = `/catalog/${catalog.organizationSlug}/stats/${catalog.counts.year}`;
  const linkOf = (cell: string) => {
    const source = cellsFromCatalog.find((c) => c.cell === cell)!;
    return `${base}?measure=${source.measure}&category=${source.category.key}#items`;
  };
  return (
    <section aria-labelledby="catalog-check" className="mb-6 rounded border border-gray-300 p-3">
      <h2 id="catalog-check" className="mb-2 font-semibold">与信息公开目录的对照</h2>
      <p className="mb-2 text-sm">
        本单位{catalog.counts.year}年通过目录主动公开信息 {catalog.counts.total} 条。
        <Link href={base} className="ml-1 text-blue-800 underline">查看统计</Link>
      </p>
      {differences.length === 0 ? (
        <p className="text-sm">表二中可由目录统计的数字均与目录一致。</p>
      ) : (
        <ul className="space-y-1 text-sm text-amber-900">
          {differences.map((d) => (
            <li key={d.cell}>
              提示：表二“{d.name}”填报为{d.reported ?? "空"}，目录统计为
              <Link href={linkOf(d.cell)} className="mx-1 text-blue-800 underline">{d.catalog}</Link>
              条，请核实。
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
