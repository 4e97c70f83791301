"use client";

import { memo } from "react";
import type { CellDef, Finding } from "@/lib/report-format";

interface Props {
  cell: CellDef;
  value: string;
  disabled: boolean;
  inputError?: string;
  serverError?: string;
  findings: readonly Finding[];
  /** Reviewer's comments on this cell. */
  notes?: readonly string[];
  flagged: boolean;
  onChange: (key: string, value: string) => void;
}

/** One typed cell. Its accessible name is its row and column label. */
export const CellInput = memo(function CellInput({ cell, value, disabled, inputError, serverError, findings, notes = [], flagged, onChange }: Props) {
  const messageId = `cell-msg-${cell.key}`;
  const error = inputError ?? serverError;
  const hasMessage = Boolean(error) || findings.length > 0 || notes.length > 0;
  return (
    <div className="editor-cell flex min-w-16 flex-col items-center">
      <input
        id={`cell-${cell.key}`}
        aria-label={cell.name}
        aria-invalid={Boolean(error) || findings.some((f) => f.severity === "error")}
        aria-describedby={hasMessage ? messageId : undefined}
        // A 本年增/减 cell takes a minus sign, which numeric keypads lack.
        inputMode={cell.kind === "count" ? "numeric" : cell.kind === "change" ? "text" : "decimal"}
        autoComplete="off"
        disabled={disabled}
        value={value}
        onChange={(event) => onChange(cell.key, event.target.value)}
        className={`w-16 rounded border px-1 py-0.5 text-center tabular-nums ${
          error ? "border-red-700 bg-red-50" : flagged ? "border-amber-600 bg-amber-50" : "border-gray-400"
        }`}
      />
      {hasMessage && (
        <div id={messageId} className="mt-1 max-w-56 text-left text-xs">
          {error && <p className="text-red-800">{error}</p>}
          {findings.map((finding) => (
            <p key={finding.message} className={finding.severity === "error" ? "text-red-800" : "text-amber-800"}>
              {finding.severity === "error" ? "错误" : "提示"}：{finding.message}
            </p>
          ))}
          {notes.map((note) => (
            <p key={note} className="text-blue-900">
              {note}
            </p>
          ))}
        </div>
      )}
    </div>
  );
});

/** A computed total: read-only, updated as the clerk types. */
export const ComputedCell = memo(function ComputedCell({ cell, value, findings }: { cell: CellDef; value: string; findings: readonly Finding[] }) {
  return (
    <div className="editor-cell flex flex-col items-center">
      <output id={`cell-${cell.key}`} aria-label={cell.name} className="min-w-10 font-semibold tabular-nums">
        {value}
      </output>
      {findings.map((finding) => (
        <p key={finding.message} className="mt-1 max-w-56 text-left text-xs text-red-800">
          {finding.message}
        </p>
      ))}
    </div>
  );
});
