import type { TableDef } from "@/lib/report-format";
import { BlocksTableView } from "./blocks-table";
import { GroupsTableView } from "./groups-table";
import { MatrixTableView } from "./matrix-table";
import type { RenderCell } from "./render-cell";

/** Any of the format's tables in its official layout; the caller fills the value cells. */
export function ReportTable({ table, caption, renderCell }: { table: TableDef; caption: string; renderCell: RenderCell }) {
  switch (table.layout) {
    case "blocks":
      return <BlocksTableView table={table} caption={caption} renderCell={renderCell} />;
    case "matrix":
      return <MatrixTableView table={table} caption={caption} renderCell={renderCell} />;
    case "groups":
      return <GroupsTableView table={table} caption={caption} renderCell={renderCell} />;
  }
}
