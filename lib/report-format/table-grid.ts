// A table of the format as a grid of merged cells, the way the official
// layout draws it: header cells with their spans and the value cells. The web
// page, the editor, Word and Excel all draw from this. Header cells carry ids
// and every cell the ids of the headers that apply to it, so the web table's
// `headers` attributes give each value cell its full accessible name.
import { cellKey, isValueRow } from "./cells";
import type { BlocksTable, GroupsTable, MatrixTable, RowNode, TableDef } from "./types";

export type HeaderScope = "col" | "colgroup" | "row" | "rowgroup";

export type GridCell =
  | {
      kind: "header";
      text: string;
      rowSpan: number;
      colSpan: number;
      id?: string;
      /** Ids of the headers above or beside this one. */
      headers?: readonly string[];
      scope?: HeaderScope;
      /** An explanatory note (table 三's top-left block), not a header of any cell. */
      note?: true;
    }
  | { kind: "value"; cellKey: string; rowSpan: 1; colSpan: number; headers: readonly string[] };

export interface TableGrid {
  /** Width in grid columns. */
  columns: number;
  /** Header rows (repeated on each printed page); empty when headers sit in the body. */
  head: GridCell[][];
  body: GridCell[][];
  /** Body rows that start a group of rows (table 二's blocks), for the web page's <tbody> each. */
  groupStarts?: readonly number[];
}

type HeaderOptions = Partial<Pick<Extract<GridCell, { kind: "header" }>, "id" | "headers" | "scope" | "note">>;

const header = (text: string, rowSpan = 1, colSpan = 1, options: HeaderOptions = {}): GridCell => ({
  kind: "header",
  text,
  rowSpan,
  colSpan,
  ...options,
});
const value = (key: string, headers: readonly string[], colSpan = 1): GridCell => ({
  kind: "value",
  cellKey: key,
  rowSpan: 1,
  colSpan,
  headers,
});

export function leafCount(node: RowNode): number {
  return isValueRow(node) ? 1 : node.children.reduce((n, child) => n + leafCount(child), 0);
}

export function rowTreeDepth(nodes: readonly RowNode[]): number {
  return Math.max(...nodes.map((node) => (isValueRow(node) ? 1 : 1 + rowTreeDepth(node.children))));
}

export interface RowLine {
  key: string;
  /** Row header cells that start on this line: group labels spanning down, then the row's own label. */
  starts: { id: string; label: string; rowSpan: number; colSpan: number }[];
  /** Ids of every row header that applies to this line. */
  headerIds: string[];
}

/** The lines of a row tree, group labels spanning their rows, as table 三 prints them. */
export function rowLines(idPrefix: string, nodes: readonly RowNode[], width: number): RowLine[] {
  const lines: RowLine[] = [];
  let groups = 0;
  const walk = (items: readonly RowNode[], level: number, opened: RowLine["starts"], ancestors: string[]) => {
    for (const node of items) {
      if (isValueRow(node)) {
        const id = `${idPrefix}-r-${node.key}`;
        lines.push({
          key: node.key,
          starts: [...opened.splice(0), { id, label: node.label, rowSpan: 1, colSpan: width - level }],
          headerIds: [...ancestors, id],
        });
      } else {
        const group = { id: `${idPrefix}-g${groups++}`, label: node.label, rowSpan: leafCount(node), colSpan: 1 };
        walk(node.children, level + 1, [...opened.splice(0), group], [...ancestors, group.id]);
      }
    }
  };
  walk(nodes, 0, [], []);
  return lines;
}

/** Table 二: a block per item of 条例第二十条, each with its own column headers; the last column widens to the table. */
function blocksGrid(table: BlocksTable): TableGrid {
  const width = Math.max(...table.blocks.map((b) => b.columns.length));
  const span = (i: number, n: number) => (i === n - 1 ? width - n + 1 : 1);
  // Each block is its heading, its column headers and its rows.
  const groupStarts = table.blocks.reduce<number[]>((starts, block, b) => [...starts, b === 0 ? 0 : starts[b - 1]! + table.blocks[b - 1]!.rows.length + 2], []);
  return {
    columns: width + 1,
    head: [],
    groupStarts,
    body: table.blocks.flatMap((block, b) => {
      const blockId = `${table.key}-b${b}`;
      const rowHeaderId = `${blockId}-h`;
      const columnId = (column: string) => `${blockId}-c-${column}`;
      const n = block.columns.length;
      return [
        [header(block.heading, 1, width + 1, { id: blockId, scope: "colgroup" })],
        [
          header(table.rowHeader, 1, 1, { id: rowHeaderId, headers: [blockId], scope: "col" }),
          ...block.columns.map((c, i) => header(c.label, 1, span(i, n), { id: columnId(c.key), headers: [blockId], scope: "col" })),
        ],
        ...block.rows.map((row) => {
          const rowId = `${blockId}-r-${row.key}`;
          return [
            header(row.label, 1, 1, { id: rowId, headers: [blockId, rowHeaderId], scope: "row" }),
            ...block.columns.map((c, i) => value(cellKey(table.key, row.key, c.key), [blockId, rowId, columnId(c.key)], span(i, n))),
          ];
        }),
      ];
    }),
  };
}

/** Table 三: nested outcome rows against the applicant columns, with merged headers. */
function matrixGrid(table: MatrixTable): TableGrid {
  const depth = rowTreeDepth(table.rows);
  const allId = `${table.key}-ch`;
  const groupId = (group: string) => `${table.key}-cg-${table.columns.findIndex((c) => c.group === group)}`;
  const columnIds = (column: MatrixTable["columns"][number]) => [allId, ...(column.group ? [groupId(column.group)] : [])];
  const columnHeader = (column: MatrixTable["columns"][number], rowSpan: number) =>
    header(column.label, rowSpan, 1, { id: `${table.key}-c-${column.key}`, headers: columnIds(column), scope: "col" });
  const second: GridCell[] = [];
  table.columns.forEach((column, i) => {
    if (!column.group) second.push(columnHeader(column, 2));
    else if (table.columns[i - 1]?.group !== column.group) {
      const span = table.columns.filter((c) => c.group === column.group).length;
      second.push(header(column.group, 1, span, { id: groupId(column.group), headers: [allId], scope: "colgroup" }));
    }
  });
  return {
    columns: depth + table.columns.length,
    head: [
      [
        header(table.note, 3, depth, { note: true }),
        header(table.columnsHeader, 1, table.columns.length, { id: allId, scope: "colgroup" }),
      ],
      second,
      table.columns.filter((c) => c.group).map((c) => columnHeader(c, 1)),
    ],
    body: rowLines(table.key, table.rows, depth).map((line) => [
      ...line.starts.map((s) => header(s.label, s.rowSpan, s.colSpan, { id: s.id, scope: s.rowSpan > 1 ? "rowgroup" : "row" })),
      ...table.columns.map((c) =>
        value(cellKey(table.key, line.key, c.key), [...line.headerIds, ...columnIds(c), `${table.key}-c-${c.key}`]),
      ),
    ]),
  };
}

/** Table 四: one data row of column groups (行政复议 | 行政诉讼 …), each group with the same columns. */
function groupsGrid(table: GroupsTable): TableGrid {
  const n = table.columns.length;
  const hasParents = table.groups.some((g) => g.parent);
  const parentId = (parent: string) => `${table.key}-p-${table.groups.findIndex((g) => g.parent === parent)}`;
  const groupIds = (group: GroupsTable["groups"][number]) => [...(group.parent ? [parentId(group.parent)] : []), `${table.key}-g-${group.key}`];
  const columnId = (group: GroupsTable["groups"][number], column: string) => `${table.key}-${group.key}-c-${column}`;
  const groupHeader = (group: GroupsTable["groups"][number]) =>
    header(group.label, 1, n, {
      id: `${table.key}-g-${group.key}`,
      ...(group.parent ? { headers: [parentId(group.parent)] } : {}),
      scope: "colgroup",
    });
  const columnHeaders = (group: GroupsTable["groups"][number], rowSpan: number) =>
    table.columns.map((c) => header(c.label, rowSpan, 1, { id: columnId(group, c.key), headers: groupIds(group), scope: "col" }));
  // Top line: a group's own label, or its parent's label spanning its siblings.
  const top: GridCell[] = table.groups
    .filter((g, i) => !g.parent || table.groups[i - 1]?.parent !== g.parent)
    .map((g) =>
      g.parent
        ? header(g.parent, 1, n * table.groups.filter((x) => x.parent === g.parent).length, { id: parentId(g.parent), scope: "colgroup" })
        : groupHeader(g),
    );
  const head = hasParents
    ? [
        top,
        table.groups.flatMap((g) => (g.parent ? [groupHeader(g)] : columnHeaders(g, 2))),
        table.groups.filter((g) => g.parent).flatMap((g) => columnHeaders(g, 1)),
      ]
    : [top, table.groups.flatMap((g) => columnHeaders(g, 1))];
  return {
    columns: n * table.groups.length,
    head,
    body: [table.groups.flatMap((g) => table.columns.map((c) => value(cellKey(table.key, g.key, c.key), [...groupIds(g), columnId(g, c.key)])))],
  };
}

const grids = new WeakMap<TableDef, TableGrid>();

export function tableGrid(table: TableDef): TableGrid {
  let grid = grids.get(table);
  if (!grid) {
    grid = table.layout === "blocks" ? blocksGrid(table) : table.layout === "matrix" ? matrixGrid(table) : groupsGrid(table);
    grids.set(table, grid);
  }
  return grid;
}

/** Where each cell of grid rows lands (row, column), with spans taken into account. */
export function placeGrid(rows: readonly GridCell[][]): { cell: GridCell; row: number; column: number }[] {
  const taken = new Set<string>();
  const placed: { cell: GridCell; row: number; column: number }[] = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r},${c}`)) c += 1;
      placed.push({ cell, row: r, column: c });
      for (let dr = 0; dr < cell.rowSpan; dr += 1) for (let dc = 0; dc < cell.colSpan; dc += 1) taken.add(`${r + dr},${c + dc}`);
      c += cell.colSpan;
    }
  });
  return placed;
}
