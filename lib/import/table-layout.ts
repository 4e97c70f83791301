// What an imported table looks like, derived from the format definition: the
// labels that start a row of values, the header labels to pass over, and the
// cells each row fills in order. Label variants real reports use come from
// the format definition (its importVariants).
import {
  cellsOfTable,
  flattenRows,
  isValueRow,
  type RowNode,
  type ReportFormat,
  type TableSection,
} from "@/lib/report-format";
import type { SupersededTable } from "@/lib/report-format";

export interface ImportRow {
  /** Cell keys the row's values fill, left to right. */
  cells: string[];
  /** Set when the row was found under a variant label: the format's label it is read as. */
  readAs?: string;
}

export interface ImportTableLayout {
  /** Normalised row label → row. */
  rows: Map<string, ImportRow>;
  /** A row filled by values that carry no row label of their own (table 四). */
  unlabelled?: ImportRow;
  /** Header labels that carry no value, as `headerKey` gives them. */
  headers: Set<string>;
  /** Headings that open a block of the current format (table 二), as `headerKey` gives them. */
  blockHeadings: Set<string>;
  /** An earlier format's version of this table, with its labels as `headerKey` gives them. */
  superseded?: SupersededTable & { headerKeys: Set<string>; blockHeadingKeys: Set<string>; rowKeys: Set<string> };
}

/** Makes labels comparable: no spaces, full-width brackets and punctuation. */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[\s\u3000]/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/,/g, "，")
    .replace(/:/g, "：")
    .replace(/;/g, "；")
    .replace(/／/g, "/")
    .replace(/．/g, ".")
    .replace(/[“”"]/g, "\"");
}

/** A header label without the year some reports write into it: 本年（2023年）制发件数 → 本年制发件数. */
export function headerKey(text: string): string {
  return normaliseLabel(text).replace(/（(?:19|20)\d{2}年?度?）/g, "");
}

function groupLabels(nodes: readonly RowNode[]): string[] {
  return nodes.flatMap((node) => (isValueRow(node) ? [] : [node.label, ...groupLabels(node.children)]));
}

export function importLayout(format: ReportFormat, section: TableSection): ImportTableLayout {
  const table = section.table;
  const variants = format.importVariants;
  const cells = cellsOfTable(format, table.key);
  const headers = new Set<string>();
  const rows = new Map<string, ImportRow>();
  const blockHeadings = new Set<string>();
  const addHeaders = (...labels: string[]) =>
    labels.forEach((label) => [label, ...(variants.headers[label] ?? [])].forEach((l) => headers.add(headerKey(l))));
  const addRow = (key: string, label: string) => {
    const row = { cells: cells.filter((c) => c.row === key).map((c) => c.key) };
    rows.set(normaliseLabel(label), row);
    for (const variant of variants.rows[`${table.key}.${key}`] ?? []) {
      rows.set(normaliseLabel(variant), { ...row, readAs: label });
    }
  };
  const old = variants.superseded.find((s) => s.table === table.key);
  const superseded = old && {
    ...old,
    headerKeys: new Set(old.headers.map(headerKey)),
    blockHeadingKeys: new Set(old.blockHeadings.map(headerKey)),
    rowKeys: new Set(old.rows.map(normaliseLabel)),
  };

  switch (table.layout) {
    case "blocks":
      addHeaders(table.rowHeader);
      for (const block of table.blocks) {
        addHeaders(block.heading, ...block.columns.map((c) => c.label));
        blockHeadings.add(headerKey(block.heading));
        for (const row of block.rows) addRow(row.key, row.label);
      }
      return { rows, headers, blockHeadings, ...(superseded ? { superseded } : {}) };
    case "matrix":
      addHeaders(table.note, table.columnsHeader, ...groupLabels(table.rows));
      for (const column of table.columns) addHeaders(column.label, ...(column.group ? [column.group] : []));
      for (const { row } of flattenRows(table.rows)) addRow(row.key, row.label);
      return { rows, headers, blockHeadings, ...(superseded ? { superseded } : {}) };
    case "groups":
      addHeaders(...table.columns.map((c) => c.label));
      for (const group of table.groups) addHeaders(group.label, ...(group.parent ? [group.parent] : []));
      return {
        rows,
        headers,
        blockHeadings,
        unlabelled: { cells: cells.map((c) => c.key) },
        ...(superseded ? { superseded } : {}),
      };
  }
}
