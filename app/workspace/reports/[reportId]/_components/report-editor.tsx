"use client";

import { useCallback, useEffect, useMemo, useReducer } from "react";
import { ReportTable } from "@/components/report/report-table";
import { findCell, formatCells, getFormat, sectionHeading } from "@/lib/report-format";
import type { CatalogForReport } from "@/lib/catalog/report-comparison";
import type { EditorReport } from "@/lib/reports/editor-queries";
import { CatalogPanel } from "./catalog-panel";
import { ComputedCell, CellInput } from "./cell-input";
import { ConflictPanel } from "./conflict-panel";
import { runChecks } from "./editor-checks";
import { editorReducer, initialState } from "./editor-state";
import { FindingsSummary } from "./findings-summary";
import { NarrativeField } from "./narrative-field";
import { ReturnComments } from "./return-comments";
import { WorkflowPanel } from "./workflow-panel";
import { SaveStatusLine } from "./save-status";
import { readBackup, useAutosave } from "./use-autosave";

export function ReportEditor({ report, catalog }: { report: EditorReport; catalog?: CatalogForReport }) {
  const format = getFormat(report.formatVersion);
  const [state, dispatch] = useReducer(editorReducer, undefined, () =>
    initialState(format, report.version, report.savedAt, report.content),
  );
  const checks = useMemo(
    () =>
      runChecks(format, state, {
        organization: { name: report.organization.name, kind: report.organization.kind },
        year: report.year,
        previousValues: report.previousValues,
      }),
    [format, state, report.organization, report.year, report.previousValues],
  );
  const inputErrorCount = Object.keys(checks.inputErrors).length + Object.keys(checks.fieldErrors).length;
  const save = useAutosave({
    reportId: report.id,
    format,
    state,
    dispatch,
    canSave: report.canEdit,
    hasInputErrors: inputErrorCount > 0,
  });

  // Input a closed tab never got to save comes back, and is saved (or merged).
  useEffect(() => {
    if (!report.canEdit) return;
    const backup = readBackup(report.id);
    if (backup) dispatch({ type: "restore", backup });
  }, [report.id, report.canEdit]);

  const onCell = useCallback((key: string, value: string) => dispatch({ type: "cell", key, value }), []);
  const fillEmpty = () =>
    formatCells(format)
      .filter((cell) => !cell.sum && (state.raw[cell.key] ?? "").trim() === "")
      .forEach((cell) => dispatch({ type: "cell", key: cell.key, value: "0" }));
  const disabled = !report.canEdit;
  const fieldFinding = (field: "title" | "signedOn") => checks.findings.filter((f) => f.field === field);
  const commentsAt = (target: string) => report.returnComments.filter((c) => c.target === target).map((c) => `退回意见：${c.body}`);

  const renderCell = (key: string) => {
    const cell = findCell(format, key)!;
    if (cell.sum) {
      const value = checks.values[key];
      return <ComputedCell cell={cell} value={value === null || value === undefined ? "" : String(value)} findings={checks.findingsAt.get(key) ?? []} />;
    }
    return (
      <CellInput
        cell={cell}
        value={state.raw[key] ?? ""}
        disabled={disabled}
        inputError={checks.inputErrors[key]}
        serverError={state.serverErrors[`cells.${key}`]}
        findings={checks.findingsAt.get(key) ?? []}
        notes={commentsAt(`cells.${key}`)}
        flagged={checks.flagged.has(key)}
        onChange={onCell}
      />
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      aria-label={`${report.organization.shortName}${report.year}年度报告`}
    >
      <div className="sticky top-0 z-10 mb-4 flex flex-wrap items-center gap-4 border-b bg-white py-2">
        <SaveStatusLine status={state.status} savedAt={state.savedAt} message={state.message} version={state.baseVersion} />
        {!disabled && (
          <button type="submit" className="rounded bg-blue-800 px-3 py-1 text-white" disabled={state.status === "saving"}>
            保存
          </button>
        )}
        {disabled && <p className="text-gray-700">本报告当前不可编辑（只读）。</p>}
        {state.restored && <p className="text-amber-800">已恢复上次未保存的输入。</p>}
        {Object.entries(state.serverErrors)
          .filter(([field]) => !field.startsWith("cells.") && !field.startsWith("sections."))
          .map(([field, message]) => (
            <p key={field} className="text-red-800">{message}</p>
          ))}
      </div>

      {state.conflict && (
        <ConflictPanel
          format={format}
          state={state}
          conflict={state.conflict}
          onTakeTheirs={(field) => dispatch({ type: "take-theirs", field })}
          onKeepMine={() => dispatch({ type: "keep-mine-on-latest" })}
        />
      )}

      <ReturnComments report={report} />

      <WorkflowPanel
        report={report}
        baseVersion={state.baseVersion}
        saved={state.status === "saved"}
        findings={checks.findings}
        blocking={checks.findings.filter((f) => f.severity === "error").length + inputErrorCount + checks.emptyCells}
      />

      <FindingsSummary
        findings={checks.findings}
        emptyCells={checks.emptyCells}
        inputErrors={inputErrorCount}
        onFillEmpty={fillEmpty}
        disabled={disabled}
      />

      {catalog && (
        <CatalogPanel
          catalog={catalog}
          raw={state.raw}
          disabled={disabled}
          onFill={onCell}
          onAppendToOverview={(text) => {
            const current = state.sections.overview ?? "";
            dispatch({ type: "section", key: "overview", value: current ? `${current}\n${text}` : text });
          }}
        />
      )}

      <div className="mb-6">
        <label htmlFor="field-title" className="block font-semibold">标题</label>
        <input
          id="field-title"
          value={state.title}
          disabled={disabled}
          onChange={(e) => dispatch({ type: "field", field: "title", value: e.target.value })}
          aria-describedby={fieldFinding("title").length ? "field-title-msg" : undefined}
          className="w-full rounded border border-gray-400 px-2 py-1 text-lg"
        />
        {checks.fieldErrors.title && <p className="text-sm text-red-800">{checks.fieldErrors.title}</p>}
        <FieldMessages id="field-title-msg" messages={fieldFinding("title").map((f) => f.message)} />
      </div>

      {format.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="mb-8">
          <h2 id={`section-${section.key}`} className="mb-2 text-lg font-bold">
            {sectionHeading(section)}
          </h2>
          {section.kind === "narrative" ? (
            <NarrativeField
              section={section}
              value={state.sections[section.key] ?? ""}
              disabled={disabled}
              error={checks.fieldErrors[`sections.${section.key}`] ?? state.serverErrors[`sections.${section.key}`]}
              notes={commentsAt(`sections.${section.key}`)}
              onChange={(value) => dispatch({ type: "section", key: section.key, value })}
            />
          ) : (
            <div className="report-table-box" role="region" aria-label={section.heading} tabIndex={0}>
              <ReportTable table={section.table} caption={sectionHeading(section)} renderCell={renderCell} />
            </div>
          )}
        </section>
      ))}

      <div className="mb-6 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="field-signatureLine" className="block font-semibold">落款</label>
          <input
            id="field-signatureLine"
            value={state.signatureLine}
            disabled={disabled}
            onChange={(e) => dispatch({ type: "field", field: "signatureLine", value: e.target.value })}
            className="w-full rounded border border-gray-400 px-2 py-1"
          />
          {checks.fieldErrors.signatureLine && <p className="text-sm text-red-800">{checks.fieldErrors.signatureLine}</p>}
        </div>
        <div>
          <label htmlFor="field-signedOn" className="block font-semibold">落款日期</label>
          <input
            id="field-signedOn"
            type="date"
            value={state.signedOn}
            disabled={disabled}
            onChange={(e) => dispatch({ type: "field", field: "signedOn", value: e.target.value })}
            aria-describedby={fieldFinding("signedOn").length ? "field-signedOn-msg" : undefined}
            className="rounded border border-gray-400 px-2 py-1"
          />
          <FieldMessages id="field-signedOn-msg" messages={fieldFinding("signedOn").map((f) => f.message)} />
        </div>
      </div>
    </form>
  );
}

function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div id={id} className="mt-1 text-sm text-amber-800">
      {messages.map((m) => (
        <p key={m}>提示：{m}</p>
      ))}
    </div>
  );
}
