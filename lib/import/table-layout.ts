// What an imported table looks like, derived from the format definition: the
// labels that start a row of values, the header labels to pass over, and the
// cells each row fills in order. Label variants real reports use come from
// the format definition (its importVariants).
import {
  cellsOfTable,
  formats,
  tableSections,
  flattenRows,
  isValueRow,
  type RowNode,
  type ReportFormat,
  type TableSection,
} from "@/lib/report-format";

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
  superseded?: {
    table: string;
    /** The earlier format's document and first year, for the message. */
    source: string;
    year: number;
    headerKeys: Set<string>;
    blockHeadingKeys: Set<string>;
    rowKeys: Set<string>;
  };
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

/**
 * `withEarlier`: also recognise the same table as an earlier format laid it
 * out (the 2019 trial format's table 二 in a 2021+ report), from that format's
 * own definition.
 */
export function importLayout(format: ReportFormat, section: TableSection, withEarlier = true): ImportTableLayout {
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

  switch (table.layout) {
    case "blocks":
      addHeaders(table.rowHeader);
      for (const block of table.blocks) {
        addHeaders(block.heading, ...block.columns.map((c) => c.label));
        blockHeadings.add(headerKey(block.heading));
        for (const row of block.rows) addRow(row.key, row.label);
      }
      break;
    case "matrix":
      addHeaders(table.note, table.columnsHeader, ...groupLabels(table.rows));
      for (const column of table.columns) addHeaders(column.label, ...(column.group ? [column.group] : []));
      for (const { row } of flattenRows(table.rows)) addRow(row.key, row.label);
      break;
    case "groups":
      addHeaders(...table.columns.map((c) => c.label));
      for (const group of table.groups) addHeaders(group.label, ...(group.parent ? [group.parent] : []));
      break;
  }
  const layout: ImportTableLayout = {
    rows,
    headers,
    blockHeadings,
    ...(table.layout === "groups" ? { unlabelled: { cells: cells.map((c) => c.key) } } : {}),
  };
  const superseded = withEarlier ? earlierLayout(format, section, layout) : undefined;
  return superseded ? { ...layout, superseded } : layout;
}

/**
 * The latest earlier format's version of a table, when its labels tell it
 * apart: headers and block headings this format does not have. Its values
 * mean something else, so they are reported, never placed.
 */
function earlierLayout(
  format: ReportFormat,
  section: TableSection,
  current: Pick<ImportTableLayout, "rows" | "headers" | "blockHeadings">,
): ImportTableLayout["superseded"] {
  const earlier = formats
    .filter((f) => f.years.to !== null && f.years.to < format.years.from)
    .sort((a, b) => b.years.from - a.years.from);
  for (const old of earlier) {
    const oldSection = tableSections(old).find((s) => s.key === section.key);
    if (!oldSection) continue;
    const layout = importLayout(old, oldSection, false);
    const only = (labels: Iterable<string>, ...known: ReadonlySet<string>[]) => new Set([...labels].filter((l) => !known.some((k) => k.has(l))));
    const currentRows = new Set(current.rows.keys());
    const headerKeys = only(layout.headers, current.headers, currentRows);
    const blockHeadingKeys = only(layout.blockHeadings, current.blockHeadings);
    if (headerKeys.size === 0 && blockHeadingKeys.size === 0) continue;
    return {
      table: section.key,
      source: old.source,
      year: old.years.from,
      headerKeys,
      blockHeadingKeys,
      rowKeys: only(layout.rows.keys(), currentRows),
    };
  }
  return undefined;
}
