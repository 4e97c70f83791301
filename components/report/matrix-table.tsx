import { cellKey, isValueRow, type MatrixTable, type RowNode } from "@/lib/report-format";
import type { RenderCell } from "./render-cell";

interface RowHeader {
  id: string;
  label: string;
  rowSpan: number;
  colSpan: number;
}

interface LaidOutRow {
  key: string;
  /** Header cells that start on this line (group labels spanning down, then the row label). */
  headers: RowHeader[];
  /** Ids of every row header that applies to this row's values. */
  headerIds: string[];
}

function leafCount(node: RowNode): number {
  return isValueRow(node) ? 1 : node.children.reduce((n, child) => n + leafCount(child), 0);
}

function depth(nodes: readonly RowNode[]): number {
  return Math.max(...nodes.map((node) => (isValueRow(node) ? 1 : 1 + depth(node.children))));
}

/** Turns the row tree into lines, with rowspans for group labels as the format prints them. */
function layoutRows(tableKey: string, nodes: readonly RowNode[], columns: number): LaidOutRow[] {
  const lines: LaidOutRow[] = [];
  let groupCounter = 0;
  const walk = (items: readonly RowNode[], level: number, opened: RowHeader[], ancestors: string[]) => {
    for (const node of items) {
      if (isValueRow(node)) {
        const id = `${tableKey}-r-${node.key}`;
        lines.push({
          key: node.key,
          headers: [...opened.splice(0), { id, label: node.label, rowSpan: 1, colSpan: columns - level }],
          headerIds: [...ancestors, id],
        });
      } else {
        const group: RowHeader = {
          id: `${tableKey}-g${groupCounter++}`,
          label: node.label,
          rowSpan: leafCount(node),
          colSpan: 1,
        };
        walk(node.children, level + 1, [...opened.splice(0), group], [...ancestors, group.id]);
      }
    }
  };
  walk(nodes, 0, [], []);
  return lines;
}

/** Table 三: nested outcome rows against the applicant columns, with merged headers. */
export function MatrixTableView({ table, caption, renderCell }: { table: MatrixTable; caption: string; renderCell: RenderCell }) {
  const rowHeaderColumns = depth(table.rows);
  const lines = layoutRows(table.key, table.rows, rowHeaderColumns);
  const groupId = (group: string) => `${table.key}-cg-${table.columns.findIndex((c) => c.group === group)}`;
  const columnHeaderIds = (column: MatrixTable["columns"][number]) =>
    [`${table.key}-ch`, ...(column.group ? [groupId(column.group)] : []), `${table.key}-c-${column.key}`].join(" ");

  return (
    <table className="report-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <td colSpan={rowHeaderColumns} rowSpan={3} className="text-left text-xs">
            {table.note}
          </td>
          <th id={`${table.key}-ch`} colSpan={table.columns.length} scope="colgroup">
            {table.columnsHeader}
          </th>
        </tr>
        <tr>
          {table.columns.map((column, i) => {
            if (!column.group) {
              return (
                <th key={column.key} id={`${table.key}-c-${column.key}`} rowSpan={2} scope="col">
                  {column.label}
                </th>
              );
            }
            if (table.columns[i - 1]?.group === column.group) return null;
            const span = table.columns.filter((c) => c.group === column.group).length;
            return (
              <th key={`group-${column.key}`} id={groupId(column.group)} colSpan={span} scope="colgroup">
                {column.group}
              </th>
            );
          })}
        </tr>
        <tr>
          {table.columns
            .filter((column) => column.group)
            .map((column) => (
              <th key={column.key} id={`${table.key}-c-${column.key}`} scope="col">
                {column.label}
              </th>
            ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key}>
            {line.headers.map((header) => (
              <th
                key={header.id}
                id={header.id}
                rowSpan={header.rowSpan}
                colSpan={header.colSpan}
                scope={header.rowSpan > 1 ? "rowgroup" : "row"}
                className="text-left"
              >
                {header.label}
              </th>
            ))}
            {table.columns.map((column) => (
              <td
                key={column.key}
                headers={`${line.headerIds.join(" ")} ${columnHeaderIds(column)}`}
                data-cell={cellKey(table.key, line.key, column.key)}
              >
                {renderCell(cellKey(table.key, line.key, column.key))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
