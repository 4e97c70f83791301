// The figures a report takes from the catalog, and which cell of table 二
// each one supports — as the report's format declares them (its `catalog`).
// Pure: the editor panel, the review page and the tests read the same mapping.
import { findCell, type CatalogMeasure, type ReportFormat } from "@/lib/report-format";
import { catalogCategories, findCategory, type CatalogCategory } from "./categories";

export type { CatalogMeasure };

export const measureLabel: Record<CatalogMeasure, string> = {
  published: "本年主动公开",
  issued: "本年制发件数",
  repealed: "本年废止件数",
  inForce: "现行有效件数",
};

/** A table-二 cell the catalog counts, with the labels the screens show beside the count. */
export interface CatalogFigure {
  /** The table-二 cell, e.g. "active.normative.issued". */
  cell: string;
  /** The cell's accessible name, e.g. "行政许可 本年处理决定数量". */
  name: string;
  rowLabel: string;
  columnLabel: string;
  category: CatalogCategory;
  measure: CatalogMeasure;
  count: number;
}

/** Every table-二 cell of the format a catalog count can fill. */
export function cellsFromCatalog(format: ReportFormat): Omit<CatalogFigure, "count">[] {
  return format.catalog.map(({ cell, category, measure }) => {
    const def = findCell(format, cell);
    const known = findCategory(category);
    // A format naming a cell or category that does not exist is a definition error, caught by the tests.
    if (!def || !known) throw new Error(`Format ${format.version}: catalog source ${cell} ← ${category} is not defined`);
    return { cell, name: def.name, rowLabel: def.rowPath.at(-1)!, columnLabel: def.columnPath.at(-1)!, category: known, measure };
  });
}

/** Categories whose items count across years (repealed in, or in force at the end of, the year). */
export function standingCategories(format: ReportFormat): string[] {
  return [...new Set(format.catalog.filter((c) => c.measure === "repealed" || c.measure === "inForce").map((c) => c.category))];
}

/** One unit-year's counts, as the aggregate query returns them per category. */
export interface CategoryCounts {
  published: number;
  repealed: number;
  inForce: number;
}

export interface CatalogReportCounts {
  year: number;
  total: number;
  byArea: Record<CatalogCategory["area"], number>;
  byCategory: { category: CatalogCategory; count: number }[];
  /** The cells of table 二 the year's format lets the catalog count, in its order. */
  figures: CatalogFigure[];
  /** Count per table-二 cell key (the same figures, for the rules). */
  cells: Record<string, number>;
}

/** `format`: the report year's format; none (a year before any format) counts no cells. */
export function summarizeCounts(
  year: number,
  rows: ReadonlyMap<string, CategoryCounts>,
  format: ReportFormat | undefined,
): CatalogReportCounts {
  const get = (key: string) => rows.get(key) ?? { published: 0, repealed: 0, inForce: 0 };
  const byCategory = catalogCategories
    .map((category) => ({ category, count: get(category.key).published }))
    .filter((entry) => entry.count > 0);
  const byArea = { basic: 0, standardized: 0 };
  for (const { category, count } of byCategory) byArea[category.area] += count;
  const figures = (format ? cellsFromCatalog(format) : []).map((figure) => {
    const counts = get(figure.category.key);
    const count = figure.measure === "repealed" ? counts.repealed : figure.measure === "inForce" ? counts.inForce : counts.published;
    return { ...figure, count };
  });
  const cells = Object.fromEntries(figures.map((f) => [f.cell, f.count]));
  return { year, total: byArea.basic + byArea.standardized, byArea, byCategory, figures, cells };
}

/** The sentence for the narrative's （一）主动公开, from the same counts. */
export function proactiveDisclosureSentence(organizationShortName: string, counts: CatalogReportCounts): string {
  const parts = counts.byCategory.map(({ category, count }) => `${category.label}${count}条`);
  const areas =
    counts.byArea.standardized > 0
      ? `，其中基础信息${counts.byArea.basic}条、基层政务公开标准化规范化（“两化”）专区信息${counts.byArea.standardized}条`
      : "";
  return `${counts.year}年${organizationShortName}通过政府信息公开目录主动公开政府信息${counts.total}条${areas}。按类别：${parts.join("、") || "无"}。`;
}
