import { tableGrid, type GridCell, type TableDef } from "@/lib/report-format";
import type { RenderCell } from "./render-cell";

/**
 * Any of the format's tables in its official layout, drawn from the table's
 * grid (lib/report-format/table-grid.ts) — the same grid Word and Excel use.
 * The caller fills the value cells.
 */
export function ReportTable({ table, caption, renderCell }: { table: TableDef; caption: string; renderCell: RenderCell }) {
  const grid = tableGrid(table);
  const line = (cells: readonly GridCell[], i: number) => (
    <tr key={i}>{cells.map((cell, j) => <GridCellView key={j} cell={cell} width={grid.columns} renderCell={renderCell} />)}</tr>
  );
  return (
    <table className="report-table">
      <caption className="sr-only">{caption}</caption>
      {grid.head.length > 0 && <thead>{grid.head.map(line)}</thead>}
      {groupsOf(grid.body, grid.groupStarts).map((rows, g) => (
        <tbody key={g}>{rows.map(({ cells, index }) => line(cells, index))}</tbody>
      ))}
    </table>
  );
}

function GridCellView({ cell, width, renderCell }: { cell: GridCell; width: number; renderCell: RenderCell }) {
  const spans = { ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}), ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}) };
  if (cell.kind === "value") {
    return (
      <td {...spans} headers={cell.headers.join(" ")} data-cell={cell.cellKey}>
        {renderCell(cell.cellKey)}
      </td>
    );
  }
  if (cell.note) {
    return (
      <td {...spans} className="text-left text-xs">
        {cell.text}
      </td>
    );
  }
  const rowHeader = cell.scope === "row" || cell.scope === "rowgroup";
  // A block heading spanning the whole table (table 二) reads as the block's title.
  const blockTitle = cell.scope === "colgroup" && cell.colSpan === width && !cell.headers;
  return (
    <th
      {...spans}
      id={cell.id}
      headers={cell.headers?.join(" ")}
      scope={cell.scope}
      className={rowHeader ? "text-left" : blockTitle ? "font-semibold" : undefined}
    >
      {cell.text}
    </th>
  );
}

/** The body's rows split where the grid starts a group (one <tbody> per block of table 二). */
function groupsOf(body: readonly GridCell[][], starts: readonly number[] = [0]) {
  return starts.map((start, i) => body.slice(start, starts[i + 1] ?? body.length).map((cells, k) => ({ cells, index: start + k })));
}
