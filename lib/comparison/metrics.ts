// The figures compared across years and units, named by the format's own
// labels and cell keys: a figure is the sum of some cells.
import {
  cellKey,
  findCell,
  flattenRows,
  isValueRow,
  type MatrixTable,
  type ReportFormat,
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

const nameOf = (format: ReportFormat, key: string) => findCell(format, key)?.rowPath.at(-1) ?? key;

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
    {
      title: "行政许可、行政处罚、行政强制",
      metrics: ["active.license.decisions", "active.penalty.decisions", "active.enforcement.decisions"].map((key) => ({
        label: nameOf(format, key),
        cells: [key],
      })),
    },
    {
      title: "行政复议、行政诉讼",
      metrics: ["appeals.review.total", "appeals.litigationDirect.total", "appeals.litigationAfterReview.total"].map((key) => ({
        label: findCell(format, key)?.rowPath.join(" ") ?? key,
        cells: [key],
      })),
    },
  ];
}

/** A metric's value in one report: the sum of its cells (null when all are empty). */
export function metricValue(metric: Metric, values: Readonly<Record<string, CellValue>>): number | null {
  let sum: number | null = null;
  for (const key of metric.cells) {
    const value = values[key];
    if (value !== null && value !== undefined) sum = (sum ?? 0) + value;
  }
  return sum;
}
