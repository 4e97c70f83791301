"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef } from "react";
import { ReportTable } from "@/components/report/report-table";
import { findingLabel } from "@/components/findings/finding-detail";
import { findCell, getFormat, narrativeSections, sectionHeading, type Finding } from "@/lib/report-format";
import type { CatalogForReport } from "@/lib/catalog/report-comparison";
import type { EditorReport } from "@/lib/reports/editor-queries";
import { CatalogPanel } from "./catalog-panel";
import { ComputedCell, CellInput } from "./cell-input";
import { ConflictPanel } from "./conflict-panel";
import { narrativeFindings, runChecks } from "./editor-checks";
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
    initialState(format, report.version, report.savedAt, report.content, report.peerFindings),
  );
  const checkContext = useMemo(
    () => ({
      organization: { name: report.organization.name, kind: report.organization.kind },
      year: report.year,
      previousValues: report.previousValues,
      previousSections: report.previousSections,
      catalogFigures: report.catalogFigures,
      peerFindings: state.peerFindings,
    }),
    [report, state.peerFindings],
  );
  // The narrative's checks follow a step behind the keystroke (see narrativeFindings).
  const deferredState = useDeferredValue(state);
  const narrative = useMemo(() => narrativeFindings(format, deferredState, checkContext), [format, deferredState, checkContext]);
  const checks = useMemo(() => runChecks(format, state, checkContext, narrative), [format, state, checkContext, narrative]);
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

  // Marks the moment the editor answers input (hydrated): what npm run bench:browser times. Set on the DOM, not in state, to cost no render.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.setAttribute("data-editor-ready", ""), []);

  const onCell = useCallback((key: string, value: string) => dispatch({ type: "cell", key, value }), []);
  // The fix a rule offers (data of the format): fill the cells it names that are still empty with 0.
  const fix = (finding: Finding) =>
    finding.cells
      .filter((key) => !findCell(format, key)?.sum && (state.raw[key] ?? "").trim() === "")
      .forEach((key) => dispatch({ type: "cell", key, value: "0" }));
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
      ref={formRef}
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
        format={format}
        findings={checks.findings}
        blocking={checks.blocking}
      />

      <FindingsSummary
        format={format}
        findings={checks.findings}
        blocking={checks.blocking}
        inputErrors={inputErrorCount}
        onFix={fix}
        disabled={disabled}
      />

      {catalog && (
        <CatalogPanel
          catalog={catalog}
          raw={state.raw}
          disabled={disabled}
          onFill={onCell}
          overviewHeading={sectionHeading(narrativeSections(format)[0]!)}
          onAppendToOverview={(text) => {
            // The sentence belongs to the first section's （一）主动公开, whatever the format calls that section.
            const key = narrativeSections(format)[0]!.key;
            const current = state.sections[key] ?? "";
            dispatch({ type: "section", key, value: current ? `${current}\n${text}` : text });
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
        <FieldMessages id="field-title-msg" format={format} findings={fieldFinding("title")} />
      </div>

      <section aria-labelledby="section-preamble" className="mb-8">
        <h2 id="section-preamble" className="mb-1 text-lg font-bold">{format.preamble.label}</h2>
        <p className="mb-2 text-sm text-gray-700">标题之后、“一、总体情况”之前的文字（如“根据《中华人民共和国政府信息公开条例》……现将……报告如下”），没有可不填。</p>
        <NarrativeField
          section={{ key: format.preamble.key, label: format.preamble.label, subheadings: [] }}
          value={state.sections[format.preamble.key] ?? ""}
          disabled={disabled}
          error={checks.fieldErrors[`sections.${format.preamble.key}`] ?? state.serverErrors[`sections.${format.preamble.key}`]}
          notes={commentsAt(`sections.${format.preamble.key}`)}
          format={format}
          findings={checks.findingsInSection.get(format.preamble.key) ?? []}
          onChange={(value) => dispatch({ type: "section", key: format.preamble.key, value })}
        />
      </section>

      {format.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="mb-8">
          <h2 id={`section-${section.key}`} className="mb-2 text-lg font-bold">
            {sectionHeading(section)}
          </h2>
          {section.kind === "narrative" ? (
            <NarrativeField
              section={{ key: section.key, label: sectionHeading(section), subheadings: section.subheadings }}
              value={state.sections[section.key] ?? ""}
              disabled={disabled}
              error={checks.fieldErrors[`sections.${section.key}`] ?? state.serverErrors[`sections.${section.key}`]}
              notes={commentsAt(`sections.${section.key}`)}
              format={format}
              findings={checks.findingsInSection.get(section.key) ?? []}
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
            aria-required="true"
            aria-invalid={fieldFinding("signedOn").some((f) => f.severity === "error")}
            aria-describedby={fieldFinding("signedOn").length ? "field-signedOn-msg" : undefined}
            className={`rounded border px-2 py-1 ${state.signedOn ? "border-gray-400" : "border-red-700 bg-red-50"}`}
          />
          <FieldMessages id="field-signedOn-msg" format={format} findings={fieldFinding("signedOn")} />
        </div>
      </div>
    </form>
  );
}

function FieldMessages({ id, format, findings }: { id: string; format: ReturnType<typeof getFormat>; findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <div id={id} className="mt-1 text-sm">
      {findings.map((f) => (
        <p key={f.message} className={f.severity === "error" ? "text-red-800" : "text-amber-800"}>
          {findingLabel(format, f)}：{f.message}
        </p>
      ))}
    </div>
  );
}
