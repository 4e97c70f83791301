// What an imported table looks like, derived from the format definition: the
// labels that start a row of values, the header labels to pass over, and the
// cells each row fills in order.
import {
  cellsOfTable,
  flattenRows,
  isValueRow,
  type RowNode,
  type ReportFormat,
  type TableSection,
} from "@/lib/report-format";

export interface ImportRow {
  /** Cell keys the row's values fill, left to right. */
  cells: string[];
}

export interface ImportTableLayout {
  /** Normalised row label → row. */
  rows: Map<string, ImportRow>;
  /** A row filled by values that carry no row label of their own (table 四). */
  unlabelled?: ImportRow;
  /** Normalised header labels that carry no value. */
  headers: Set<string>;
}

/** Makes labels comparable: no spaces, full-width brackets and commas. */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[\s\u3000]/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/,/g, "，")
    .replace(/．/g, ".")
    .replace(/[“”"]/g, "\"");
}

function groupLabels(nodes: readonly RowNode[]): string[] {
  return nodes.flatMap((node) => (isValueRow(node) ? [] : [node.label, ...groupLabels(node.children)]));
}

export function importLayout(format: ReportFormat, section: TableSection): ImportTableLayout {
  const table = section.table;
  const cells = cellsOfTable(format, table.key);
  const rowCells = (row: string) => ({ cells: cells.filter((c) => c.row === row).map((c) => c.key) });
  const headers = new Set<string>();
  const rows = new Map<string, ImportRow>();
  const addHeaders = (...labels: string[]) => labels.forEach((l) => headers.add(normaliseLabel(l)));

  switch (table.layout) {
    case "blocks":
      addHeaders(table.rowHeader);
      for (const block of table.blocks) {
        addHeaders(block.heading, ...block.columns.map((c) => c.label));
        for (const row of block.rows) rows.set(normaliseLabel(row.label), rowCells(row.key));
      }
      return { rows, headers };
    case "matrix":
      addHeaders(table.note, table.columnsHeader, ...groupLabels(table.rows));
      for (const column of table.columns) addHeaders(column.label, ...(column.group ? [column.group] : []));
      for (const { row } of flattenRows(table.rows)) rows.set(normaliseLabel(row.label), rowCells(row.key));
      return { rows, headers };
    case "groups":
      addHeaders(...table.columns.map((c) => c.label));
      for (const group of table.groups) addHeaders(group.label, ...(group.parent ? [group.parent] : []));
      return { rows, headers, unlabelled: { cells: cells.map((c) => c.key) } };
  }
}
