// A table of the format as a grid of merged cells, the way the official
// layout draws it: header cells with their spans and the value cells. The
// Word and Excel downloads draw from this; the row-tree layout is shared with
// the web page's table 三.
import { cellKey, isValueRow } from "./cells";
import type { MatrixTable, RowNode, TableDef } from "./types";

export type GridCell =
  | { kind: "header"; text: string; rowSpan: number; colSpan: number }
  | { kind: "value"; cellKey: string; rowSpan: 1; colSpan: number };

export interface TableGrid {
  /** Width in grid columns. */
  columns: number;
  /** Header rows (repeated on each printed page); empty when headers sit in the body. */
  head: GridCell[][];
  body: GridCell[][];
}

const header = (text: string, rowSpan = 1, colSpan = 1): GridCell => ({ kind: "header", text, rowSpan, colSpan });
const value = (key: string, colSpan = 1): GridCell => ({ kind: "value", cellKey: key, rowSpan: 1, colSpan });

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

function matrixGrid(table: MatrixTable): TableGrid {
  const depth = rowTreeDepth(table.rows);
  const grouped = table.columns.filter((c) => c.group);
  const second: GridCell[] = [];
  table.columns.forEach((column, i) => {
    if (!column.group) second.push(header(column.label, 2));
    else if (table.columns[i - 1]?.group !== column.group) {
      second.push(header(column.group, 1, table.columns.filter((c) => c.group === column.group).length));
    }
  });
  return {
    columns: depth + table.columns.length,
    head: [
      [header(table.note, 3, depth), header(table.columnsHeader, 1, table.columns.length)],
      second,
      grouped.map((c) => header(c.label)),
    ],
    body: rowLines(table.key, table.rows, depth).map((line) => [
      ...line.starts.map((s) => header(s.label, s.rowSpan, s.colSpan)),
      ...table.columns.map((c) => value(cellKey(table.key, line.key, c.key))),
    ]),
  };
}

export function tableGrid(table: TableDef): TableGrid {
  switch (table.layout) {
    case "blocks": {
      const width = Math.max(...table.blocks.map((b) => b.columns.length));
      const last = (i: number, n: number) => (i === n - 1 ? width - n + 1 : 1);
      return {
        columns: width + 1,
        head: [],
        body: table.blocks.flatMap((block) => [
          [header(block.heading, 1, width + 1)],
          [header(table.rowHeader), ...block.columns.map((c, i) => header(c.label, 1, last(i, block.columns.length)))],
          ...block.rows.map((row) => [
            header(row.label),
            ...block.columns.map((c, i) => value(cellKey(table.key, row.key, c.key), last(i, block.columns.length))),
          ]),
        ]),
      };
    }
    case "matrix":
      return matrixGrid(table);
    case "groups": {
      const n = table.columns.length;
      const hasParents = table.groups.some((g) => g.parent);
      const top: GridCell[] = table.groups
        .filter((g, i) => !g.parent || table.groups[i - 1]?.parent !== g.parent)
        .map((g) =>
          g.parent ? header(g.parent, 1, n * table.groups.filter((x) => x.parent === g.parent).length) : header(g.label, 1, n),
        );
      const columnHeaders = (rowSpan: number) => table.columns.map((c) => header(c.label, rowSpan));
      const head = hasParents
        ? [
            top,
            table.groups.flatMap((g) => (g.parent ? [header(g.label, 1, n)] : columnHeaders(2))),
            table.groups.filter((g) => g.parent).flatMap(() => columnHeaders(1)),
          ]
        : [top, table.groups.flatMap(() => columnHeaders(1))];
      return {
        columns: n * table.groups.length,
        head,
        body: [table.groups.flatMap((g) => table.columns.map((c) => value(cellKey(table.key, g.key, c.key))))],
      };
    }
  }
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
