// Table values ⇄ database rows (report_cell / revision_cell): counts in the
// non-negative integer column, amounts in the decimal column, signed changes
// (本年增/减) in their own integer column, as the format types them.
import { formatCells, type CellKind, type CellValue, type ReportFormat } from "@/lib/report-format";

export interface CellRow {
  tableKey: string;
  rowKey: string;
  columnKey: string;
  count: number | null;
  /** Decimal as text, exact (Prisma Decimal or string). */
  amount: string | null;
  change: number | null;
}

type StoredCell = { tableKey: string; rowKey: string; columnKey: string; count: number | null; amount: { toString(): string } | null; change?: number | null };

/** The value of a stored cell, read from the column its kind uses. */
export function storedValue(kind: CellKind, row: Pick<StoredCell, "count" | "amount" | "change"> | undefined): CellValue {
  switch (kind) {
    case "count":
      return row?.count ?? null;
    case "change":
      return row?.change ?? null;
    case "amount":
      return row?.amount != null ? Number(row.amount.toString()) : null;
  }
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
      change: cell.kind === "change" ? value : null,
    };
  });
}

export function cellRowsToValues(
  format: ReportFormat,
  rows: readonly StoredCell[],
): Record<string, CellValue> {
  const byKey = new Map(rows.map((row) => [`${row.tableKey}.${row.rowKey}.${row.columnKey}`, row]));
  return Object.fromEntries(
    formatCells(format).map((cell) => {
      return [cell.key, storedValue(cell.kind, byKey.get(cell.key))];
    }),
  );
}
