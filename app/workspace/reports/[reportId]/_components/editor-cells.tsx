"use client";

// The editor's tables: drawn once, each value cell subscribed to its own view
// in the cell store (cell-store.ts), so that typing re-renders the typed cell
// and, when the checks catch up, the totals and findings that changed — not
// the table.
import { createContext, memo, useCallback, useContext, useSyncExternalStore } from "react";
import { ReportTable } from "@/components/report/report-table";
import { findCell, type ReportFormat, type TableDef } from "@/lib/report-format";
import { ComputedCell, CellInput } from "./cell-input";
import type { CellStore } from "./cell-store";

export interface EditorCells {
  store: CellStore;
  format: ReportFormat;
  disabled: boolean;
  onCell: (key: string, value: string) => void;
}

export const EditorCellsContext = createContext<EditorCells | null>(null);

function CellSlot({ cellKey }: { cellKey: string }) {
  const { store, format, disabled, onCell } = useContext(EditorCellsContext)!;
  const subscribe = useCallback((listener: () => void) => store.subscribe(cellKey, listener), [store, cellKey]);
  const read = () => store.get(cellKey);
  const view = useSyncExternalStore(subscribe, read, read);
  const cell = findCell(format, cellKey)!;
  if (cell.sum) return <ComputedCell cell={cell} value={view.value} findings={view.findings} />;
  return (
    <CellInput
      cell={cell}
      value={view.value}
      disabled={disabled}
      inputError={view.inputError}
      serverError={view.serverError}
      findings={view.findings}
      notes={view.notes}
      flagged={view.flagged}
      onChange={onCell}
    />
  );
}

const renderSlot = (key: string) => <CellSlot cellKey={key} />;

/** One of the format's tables in the editor; its props never change while the clerk types. */
export const EditorTable = memo(function EditorTable({ table, heading, caption }: { table: TableDef; heading: string; caption: string }) {
  return (
    <div className="report-table-box editor-table-box" role="region" aria-label={heading} tabIndex={0}>
      <ReportTable table={table} caption={caption} renderCell={renderSlot} />
    </div>
  );
});
