// Table values ⇄ database rows (report_cell / revision_cell): counts in the
// integer column, amounts in the decimal column, as the format types them.
import { formatCells, type CellValue, type ReportFormat } from "@/lib/report-format";

export interface CellRow {
  tableKey: string;
  rowKey: string;
  columnKey: string;
  count: number | null;
  /** Decimal as text, exact (Prisma Decimal or string). */
  amount: string | null;
}

export function valuesToCellRows(format: ReportFormat, values: Readonly<Record<string, CellValue>>): CellRow[] {
  return formatCells(format).map((cell) => {
    const value = values[cell.key] ?? null;
    return {
      tableKey: cell.table,
      rowKey: cell.row,
      columnKey: cell.column,
      count: cell.kind === "count" ? value : null,
      amount: cell.kind === "amount" && value !== null ? String(value) : null,
    };
  });
}

export function cellRowsToValues(
  format: ReportFormat,
  rows: readonly { tableKey: string; rowKey: string; columnKey: string; count: number | null; amount: { toString(): string } | null }[],
): Record<string, CellValue> {
  const byKey = new Map(rows.map((row) => [`${row.tableKey}.${row.rowKey}.${row.columnKey}`, row]));
  return Object.fromEntries(
    formatCells(format).map((cell) => {
      const row = byKey.get(cell.key);
      const value = cell.kind === "count" ? (row?.count ?? null) : row?.amount != null ? Number(row.amount.toString()) : null;
      return [cell.key, value];
    }),
  );
}
