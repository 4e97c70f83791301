// CSV open data: one row per cell, with both the stable keys and the
// format's Chinese labels, so researchers can join years and units.
import { formatCells, tableSections, type CellValue, type ReportFormat } from "@/lib/report-format";

export interface ExportableReport {
  format: ReportFormat;
  organization: { name: string; code: string | null };
  year: number;
  title: string;
  sections: Readonly<Record<string, string>>;
  values: Readonly<Record<string, CellValue>>;
  signatureLine: string;
  signedOn: string | null;
}

const HEADER = ["机构", "机构代码", "年度", "表格", "表格名称", "行", "行名称", "列", "列名称", "数值"];

export function csvField(value: string | number | null): string {
  // Text that a spreadsheet would run as a formula is kept as text.
  const text = value === null ? "" : typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of escaped fields. */
export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(",");
}

export function reportToCsv(report: ExportableReport): string {
  return reportsToCsv([report]);
}

/** Several reports (a county's units, say) in one file with one header. */
export function reportsToCsv(reports: readonly ExportableReport[]): string {
  const lines = [HEADER, ...reports.flatMap(csvRows)];
  // The byte-order mark lets Excel on Chinese Windows open the file as UTF-8.
  return `\uFEFF${lines.map(csvLine).join("\r\n")}\r\n`;
}

function csvRows(report: ExportableReport): (string | number | null)[][] {
  const tableNames = new Map(tableSections(report.format).map((s) => [s.table.key, `${s.numeral}、${s.heading}`]));
  return formatCells(report.format).map((cell) => [
    report.organization.name,
    report.organization.code ?? "",
    report.year,
    cell.table,
    tableNames.get(cell.table) ?? cell.table,
    cell.row,
    cell.rowPath.join(" / "),
    cell.column,
    cell.columnPath.join(" / "),
    report.values[cell.key] ?? null,
  ]);
}
