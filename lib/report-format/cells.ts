// Flattens a format's tables into their value cells. Every consumer (editor,
// validation, rules, rendering, import, export, database) addresses a value by
// the cell key derived here, so no one restates a row or column list.
import type {
  CellDef,
  MatrixTable,
  ReportFormat,
  RowDef,
  RowNode,
  TableDef,
  TableSection,
} from "./types";

export function cellKey(table: string, row: string, column: string): string {
  return `${table}.${row}.${column}`;
}

export function isValueRow(node: RowNode): node is RowDef {
  return "key" in node;
}

/** Value rows of a row tree in document order, each with its label path. */
export function flattenRows(
  nodes: readonly RowNode[],
  path: readonly string[] = [],
): { row: RowDef; path: readonly string[] }[] {
  return nodes.flatMap((node) =>
    isValueRow(node)
      ? [{ row: node, path: [...path, node.label] }]
      : flattenRows(node.children, [...path, node.label]),
  );
}

function siblingsOf(nodes: readonly RowNode[], key: string): readonly RowNode[] | undefined {
  for (const node of nodes) {
    if (isValueRow(node)) {
      if (node.key === key) return nodes;
    } else {
      const found = siblingsOf(node.children, key);
      if (found) return found;
    }
  }
  return undefined;
}

/** The rows a matrix's total row adds up: the value rows among its siblings. */
export function totalRowParts(table: MatrixTable): string[] {
  const siblings = siblingsOf(table.rows, table.totals.row.key) ?? [];
  return flattenRows(siblings)
    .map(({ row }) => row.key)
    .filter((key) => key !== table.totals.row.key);
}

function tableCells(table: TableDef): CellDef[] {
  switch (table.layout) {
    case "blocks":
      return table.blocks.flatMap((block) =>
        block.rows.flatMap((row) =>
          block.columns.map((column) => ({
            key: cellKey(table.key, row.key, column.key),
            table: table.key,
            row: row.key,
            column: column.key,
            kind: column.kind,
            rowPath: [row.label],
            columnPath: [column.label],
            name: `${row.label} ${column.label}`,
          })),
        ),
      );
    case "matrix": {
      const totalColumn = table.totals.column;
      const totalRow = table.totals.row;
      const partRows = totalRowParts(table);
      const partColumns = table.columns.filter((c) => c.key !== totalColumn.key).map((c) => c.key);
      return flattenRows(table.rows).flatMap(({ row, path }) =>
        table.columns.map((column): CellDef => {
          const sum =
            column.key === totalColumn.key
              ? {
                  of: partColumns.map((c) => cellKey(table.key, row.key, c)),
                  rule: totalColumn.rule,
                  along: "row" as const,
                }
              : row.key === totalRow.key
                ? {
                    of: partRows.map((r) => cellKey(table.key, r, column.key)),
                    rule: totalRow.rule,
                    along: "column" as const,
                  }
                : undefined;
          return {
            key: cellKey(table.key, row.key, column.key),
            table: table.key,
            row: row.key,
            column: column.key,
            kind: "count",
            rowPath: path,
            columnPath: column.group ? [column.group, column.label] : [column.label],
            name: `${row.label} ${column.label}`,
            ...(sum ? { sum } : {}),
          };
        }),
      );
    }
    case "groups": {
      const totalColumn = table.totals.column;
      const partColumns = table.columns.filter((c) => c.key !== totalColumn.key).map((c) => c.key);
      return table.groups.flatMap((group) =>
        table.columns.map((column): CellDef => {
          const groupPath = group.parent ? [group.parent, group.label] : [group.label];
          return {
            key: cellKey(table.key, group.key, column.key),
            table: table.key,
            row: group.key,
            column: column.key,
            kind: "count",
            rowPath: groupPath,
            columnPath: [...groupPath, column.label],
            name: `${groupPath.join(" ")} ${column.label}`,
            ...(column.key === totalColumn.key
              ? {
                  sum: {
                    of: partColumns.map((c) => cellKey(table.key, group.key, c)),
                    rule: totalColumn.rule,
                    along: "row",
                  },
                }
              : {}),
          };
        }),
      );
    }
  }
}

const cache = new WeakMap<ReportFormat, CellDef[]>();

/** All value cells of a format, in document order. */
export function formatCells(format: ReportFormat): readonly CellDef[] {
  let cells = cache.get(format);
  if (!cells) {
    cells = tableSections(format).flatMap((section) => tableCells(section.table));
    cache.set(format, cells);
  }
  return cells;
}

export function tableSections(format: ReportFormat): TableSection[] {
  return format.sections.filter((s): s is TableSection => s.kind === "table");
}

export function cellsOfTable(format: ReportFormat, table: string): CellDef[] {
  return formatCells(format).filter((cell) => cell.table === table);
}

export function findCell(format: ReportFormat, key: string): CellDef | undefined {
  return formatCells(format).find((cell) => cell.key === key);
}
