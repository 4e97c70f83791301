// The figures a report takes from the catalog, and which cell of table 二
// (第二十条第（一）、（五）、（六）项) each one supports. Pure: the editor panel,
// the review page and the tests read the same mapping.
import { cellKey } from "@/lib/report-format";
import { catalogCategories, categoryForReportRow, type CatalogCategory } from "./categories";

/**
 * - published: items whose 发布日期 falls in the year (China time) — 主动公开.
 * - issued: 本年制发件数, the published items of the category whose 发布日期 falls in the year.
 * - repealed: 本年废止件数, items marked 已废止 with a 废止日期 in the year.
 * - inForce: 现行有效件数 at 31 December: published by then, and neither
 *   repealed nor expired by then.
 * Drafts and items awaiting review never count.
 */
export type CatalogMeasure = "published" | "issued" | "repealed" | "inForce";

export const measureLabel: Record<CatalogMeasure, string> = {
  published: "本年主动公开",
  issued: "本年制发件数",
  repealed: "本年废止件数",
  inForce: "现行有效件数",
};

export interface CellFromCatalog {
  /** The table-二 cell, e.g. "active.normative.issued". */
  cell: string;
  category: CatalogCategory;
  measure: CatalogMeasure;
}

type ReportRow = NonNullable<CatalogCategory["reportRow"]>;

/** Every table-二 cell a catalog count can fill. 收费金额 is an amount, not a count: none. */
export const cellsFromCatalog: readonly CellFromCatalog[] = [
  ...(["regulation", "normative"] as const).flatMap((row) =>
    (["issued", "repealed", "inForce"] as const).map((measure) => ({
      cell: cellKey("active", row, measure),
      category: categoryForReportRow(row),
      measure,
    })),
  ),
  ...(["license", "penalty", "enforcement"] as ReportRow[]).map((row) => ({
    cell: cellKey("active", row, "decisions"),
    category: categoryForReportRow(row),
    // Each published 行政许可 / 行政处罚 / 行政强制 result is one decision.
    measure: "published" as const,
  })),
];

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
  /** Count per table-二 cell key. */
  cells: Record<string, number>;
}

export function summarizeCounts(year: number, rows: ReadonlyMap<string, CategoryCounts>): CatalogReportCounts {
  const get = (key: string) => rows.get(key) ?? { published: 0, repealed: 0, inForce: 0 };
  const byCategory = catalogCategories
    .map((category) => ({ category, count: get(category.key).published }))
    .filter((entry) => entry.count > 0);
  const byArea = { basic: 0, standardized: 0 };
  for (const { category, count } of byCategory) byArea[category.area] += count;
  const cells = Object.fromEntries(
    cellsFromCatalog.map(({ cell, category, measure }) => {
      const counts = get(category.key);
      return [cell, measure === "repealed" ? counts.repealed : measure === "inForce" ? counts.inForce : counts.published];
    }),
  );
  return { year, total: byArea.basic + byArea.standardized, byArea, byCategory, cells };
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
