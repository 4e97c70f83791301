// The figures compared across years and units, named by the format's own
// labels and cell keys: a figure is the sum of some cells.
import {
  cellKey,
  cellsOfTable,
  findCell,
  flattenRows,
  isValueRow,
  type MatrixTable,
  type ReportFormat,
  sumOf,
  type CellValue,
} from "@/lib/report-format";

export interface Metric {
  label: string;
  cells: string[];
}

export interface MetricGroup {
  title: string;
  metrics: Metric[];
}

function matrix(format: ReportFormat): MatrixTable {
  const section = format.sections.find((s) => s.kind === "table" && s.table.layout === "matrix");
  if (!section || section.kind !== "table" || section.table.layout !== "matrix") throw new Error("format has no applications table");
  return section.table;
}

/** A cell's row in words: "行政处罚", "行政诉讼 未经复议直接起诉". */
const rowName = (format: ReportFormat, key: string) => findCell(format, key)?.rowPath.join(" ") ?? key;

export function metricGroups(format: ReportFormat): MetricGroup[] {
  const applications = matrix(format);
  const total = applications.totals.column.key;
  const outcomeGroup = applications.rows.find((node) => !isValueRow(node) && node.children.some((c) => isValueRow(c) && c.key === applications.totals.row.key));
  const outcomes = outcomeGroup && !isValueRow(outcomeGroup) ? outcomeGroup.children : [];
  const [received] = flattenRows(applications.rows);
  return [
    {
      title: "收到政府信息公开申请",
      metrics: received ? [{ label: received.row.label, cells: [cellKey(applications.key, received.row.key, total)] }] : [],
    },
    {
      title: "申请办理结果",
      metrics: outcomes
        .filter((node) => !(isValueRow(node) && node.key === applications.totals.row.key))
        .map((node) => ({
          label: node.label,
          cells: flattenRows([node]).map(({ row }) => cellKey(applications.key, row.key, total)),
        })),
    },
    ...format.comparison.map((group) => ({
      title: group.title,
      metrics: group.cells.map((key) => ({ label: rowName(format, key), cells: [key] })),
    })),
  ];
}

/** A metric's value in one report: the sum of its cells (null when all are empty). */
export function metricValue(metric: Metric, values: Readonly<Record<string, CellValue>>): number | null {
  return sumOf(values, metric.cells);
}

/**
 * The cells a year is compared with the year before on: the compared figures
 * and what the carry-over rules (R6, R7/R12) read. A like-for-like roll-up
 * over thousands of units sums only these.
 */
export function comparedCells(format: ReportFormat): string[] {
  const { carryOver, stock } = format.rules;
  const keys = new Set(metricGroups(format).flatMap((group) => group.metrics.flatMap((metric) => metric.cells)));
  for (const cell of cellsOfTable(format, carryOver.table)) {
    if (cell.row === carryOver.row || cell.row === carryOver.fromRow) keys.add(cell.key);
  }
  for (const row of stock?.rows ?? []) {
    for (const column of [stock!.issued, stock!.repealed, stock!.inForce]) keys.add(cellKey(stock!.table, row, column));
  }
  return [...keys];
}
