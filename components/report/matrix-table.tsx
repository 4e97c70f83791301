import { cellKey, rowLines, rowTreeDepth, type MatrixTable } from "@/lib/report-format";
import type { RenderCell } from "./render-cell";

/** Table 三: nested outcome rows against the applicant columns, with merged headers. */
export function MatrixTableView({ table, caption, renderCell }: { table: MatrixTable; caption: string; renderCell: RenderCell }) {
  const rowHeaderColumns = rowTreeDepth(table.rows);
  const lines = rowLines(table.key, table.rows, rowHeaderColumns);
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
            {line.starts.map((header) => (
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
