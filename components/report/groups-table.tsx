import { cellKey, type GroupsTable } from "@/lib/report-format";
import type { RenderCell } from "./render-cell";

/** Table 四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five columns each, one row. */
export function GroupsTableView({ table, caption, renderCell }: { table: GroupsTable; caption: string; renderCell: RenderCell }) {
  const n = table.columns.length;
  const hasParents = table.groups.some((g) => g.parent);
  // Top line: a group's own label, or its parent's label spanning its siblings.
  const top = table.groups.filter((g, i) => !g.parent || table.groups[i - 1]?.parent !== g.parent);
  const parentId = (parent: string) => `${table.key}-p-${table.groups.findIndex((g) => g.parent === parent)}`;
  const groupHeaderIds = (group: GroupsTable["groups"][number]) =>
    [...(group.parent ? [parentId(group.parent)] : []), `${table.key}-g-${group.key}`];
  const columnCell = (group: GroupsTable["groups"][number], column: GroupsTable["columns"][number], rowSpan = 1) => (
    <th
      key={`${group.key}-${column.key}`}
      id={`${table.key}-${group.key}-c-${column.key}`}
      headers={groupHeaderIds(group).join(" ")}
      rowSpan={rowSpan}
      scope="col"
    >
      {column.label}
    </th>
  );

  return (
    <table className="report-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {top.map((group) =>
            group.parent ? (
              <th
                key={`p-${group.key}`}
                id={parentId(group.parent)}
                colSpan={n * table.groups.filter((g) => g.parent === group.parent).length}
                scope="colgroup"
              >
                {group.parent}
              </th>
            ) : (
              <th key={group.key} id={`${table.key}-g-${group.key}`} colSpan={n} scope="colgroup">
                {group.label}
              </th>
            ),
          )}
        </tr>
        {hasParents && (
          <tr>
            {table.groups.map((group) =>
              group.parent ? (
                <th
                  key={group.key}
                  id={`${table.key}-g-${group.key}`}
                  headers={parentId(group.parent)}
                  colSpan={n}
                  scope="colgroup"
                >
                  {group.label}
                </th>
              ) : (
                table.columns.map((column) => columnCell(group, column, 2))
              ),
            )}
          </tr>
        )}
        <tr>
          {table.groups
            .filter((group) => group.parent || !hasParents)
            .flatMap((group) => table.columns.map((column) => columnCell(group, column)))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {table.groups.flatMap((group) =>
            table.columns.map((column) => (
              <td
                key={`${group.key}-${column.key}`}
                headers={[...groupHeaderIds(group), `${table.key}-${group.key}-c-${column.key}`].join(" ")}
                data-cell={cellKey(table.key, group.key, column.key)}
              >
                {renderCell(cellKey(table.key, group.key, column.key))}
              </td>
            )),
          )}
        </tr>
      </tbody>
    </table>
  );
}
