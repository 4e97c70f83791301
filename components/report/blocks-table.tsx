import { cellKey, type BlocksTable } from "@/lib/report-format";
import type { RenderCell } from "./render-cell";

/** Table 二: a block per item of 条例第二十条, each with its own column headers. */
export function BlocksTableView({ table, caption, renderCell }: { table: BlocksTable; caption: string; renderCell: RenderCell }) {
  const width = Math.max(...table.blocks.map((b) => b.columns.length));
  return (
    <table className="report-table">
      <caption className="sr-only">{caption}</caption>
      {table.blocks.map((block, b) => {
        const blockId = `${table.key}-b${b}`;
        const lastSpan = (i: number) => (i === block.columns.length - 1 ? width - block.columns.length + 1 : 1);
        return (
          <tbody key={blockId}>
            <tr>
              <th id={blockId} colSpan={width + 1} scope="colgroup" className="font-semibold">
                {block.heading}
              </th>
            </tr>
            <tr>
              <th id={`${blockId}-h`} scope="col">
                {table.rowHeader}
              </th>
              {block.columns.map((column, i) => (
                <th key={column.key} id={`${blockId}-c-${column.key}`} scope="col" colSpan={lastSpan(i)}>
                  {column.label}
                </th>
              ))}
            </tr>
            {block.rows.map((row) => (
              <tr key={row.key}>
                <th id={`${blockId}-r-${row.key}`} scope="row" headers={`${blockId} ${blockId}-h`}>
                  {row.label}
                </th>
                {block.columns.map((column, i) => (
                  <td
                    key={column.key}
                    colSpan={lastSpan(i)}
                    headers={`${blockId} ${blockId}-r-${row.key} ${blockId}-c-${column.key}`}
                    data-cell={cellKey(table.key, row.key, column.key)}
                  >
                    {renderCell(cellKey(table.key, row.key, column.key))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
