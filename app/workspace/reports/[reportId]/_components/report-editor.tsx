"use client";

import { memo, startTransition, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import { findingLabel } from "@/components/findings/finding-detail";
import { findCell, formatCells, getFormat, narrativeSections, sectionHeading, type Finding } from "@/lib/report-format";
import type { CatalogForReport } from "@/lib/catalog/report-comparison";
import type { EditorReport } from "@/lib/reports/editor-queries";
import { CatalogPanel } from "./catalog-panel";
import { CellStore, type CheckedView } from "./cell-store";
import { ConflictPanel } from "./conflict-panel";
import { EditorCellsContext, EditorTable } from "./editor-cells";
import { checkContextOf, narrativeTextFindings, runChecks } from "./editor-checks";
import { editorReducer, editorStateOf } from "./editor-state";
import { FindingsSummary } from "./findings-summary";
import { NarrativeField } from "./narrative-field";
import { ReturnComments } from "./return-comments";
import { WorkflowPanel } from "./workflow-panel";
import { SaveStatusLine } from "./save-status";
import { readBackup, useAutosave } from "./use-autosave";

// Parts that only change when the checks do: skipped on the keystroke's render.
const Workflow = memo(WorkflowPanel);
const Summary = memo(FindingsSummary);
const Catalog = memo(CatalogPanel);
const Narrative = memo(NarrativeField);
const Comments = memo(ReturnComments);
const NONE: readonly never[] = [];
/** A pause in typing into the cells after which the checks of the whole report run. */
const CHECKS_AFTER_PAUSE_MS = 250;

/** The value once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    // In a transition: the re-check it starts gives way to the next keystroke.
    const timer = window.setTimeout(() => startTransition(() => setSettled(value)), ms);
    return () => window.clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}

export function ReportEditor({
  report,
  catalog,
  initialTextFindings,
}: {
  report: EditorReport;
  catalog?: CatalogForReport;
  /** The checks of the text as loaded, made on the server with the same code: the editor opens without running them. */
  initialTextFindings: Finding[];
}) {
  const format = getFormat(report.formatVersion);
  const [state, dispatch] = useReducer(editorReducer, undefined, () => editorStateOf(format, report));
  const [loaded] = useState(state);
  const checkContext = useMemo(() => checkContextOf(report, state.peerFindings), [report, state.peerFindings]);
  // The checks follow a step behind the keystroke: the keystroke paints first
  // (an urgent render of the typed cell alone), the rules for the whole report
  // run in a deferred render that the next keystroke may interrupt.
  const deferredState = useDeferredValue(state);
  // The checks of the text alone are the costly ones: they run again only when the text changes.
  const { title, signatureLine, signedOn, sections, raw } = deferredState;
  const narrativeText = useMemo(
    () =>
      title === loaded.title && signatureLine === loaded.signatureLine && signedOn === loaded.signedOn && sections === loaded.sections
        ? initialTextFindings
        : narrativeTextFindings(format, deferredState, checkContext),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [format, title, signatureLine, signedOn, sections, checkContext, loaded, initialTextFindings],
  );
  // The rules for the tables (and R8, which reads them) run once typing into the cells pauses, not on every keystroke.
  const settledRaw = useSettled(raw, CHECKS_AFTER_PAUSE_MS);
  const checks = useMemo(
    () => runChecks(format, { ...deferredState, raw: settledRaw }, checkContext, narrativeText),
    // The content, not the save status: a save's progress re-checks nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [format, title, signatureLine, signedOn, sections, settledRaw, checkContext, narrativeText],
  );
  const inputErrorCount = Object.keys(checks.inputErrors).length + Object.keys(checks.fieldErrors).length;
  // The table cells: each reads its own view from the store (cell-store.ts).
  const [store] = useState(() => new CellStore(format));
  const pendingInput = useCallback(() => store.pendingValues(), [store]);
  const save = useAutosave({
    reportId: report.id,
    format,
    state,
    dispatch,
    canSave: report.canEdit,
    hasInputErrors: inputErrorCount > 0,
    pendingInput,
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

  const disabled = !report.canEdit;
  const commentsAt = useCallback(
    (target: string) => report.returnComments.filter((c) => c.target === target).map((c) => `退回意见：${c.body}`),
    [report.returnComments],
  );
  const fieldFinding = (field: "title" | "signedOn") => checks.findings.filter((f) => f.field === field);

  const checkedViews = useMemo(() => {
    const views = new Map<string, CheckedView>();
    for (const cell of formatCells(format)) {
      const value = checks.values[cell.key];
      views.set(cell.key, {
        ...(cell.sum ? { computed: value === null || value === undefined ? "" : String(value) } : {}),
        inputError: checks.inputErrors[cell.key],
        findings: checks.findingsAt.get(cell.key) ?? NONE,
        notes: commentsAt(`cells.${cell.key}`),
        flagged: checks.flagged.has(cell.key),
      });
    }
    return views;
  }, [format, checks, commentsAt]);
  // Filled before the cells first render; from then on kept current after each render.
  if (!store.filled) store.update(checkedViews, state.raw, state.serverErrors, false);
  // The checks lay their view over every cell when they change; each keystroke's state only needs the values followed.
  const rawNow = useRef(state.raw);
  useLayoutEffect(() => {
    rawNow.current = state.raw;
    store.followState(state.raw);
  }, [store, state.raw]);
  useLayoutEffect(() => store.update(checkedViews, rawNow.current, state.serverErrors), [store, checkedViews, state.serverErrors]);

  const onCell = useCallback(
    (key: string, value: string) => {
      // The typed cell and the totals it is part of repaint in the keystroke's
      // own render, from the store; the editor's state follows in a transition
      // that never holds up the next keystroke, and the checks of the whole
      // report run when typing pauses (settledRaw).
      store.setValue(key, value);
      startTransition(() => dispatch({ type: "cells", values: { [key]: value } }));
    },
    [store],
  );
  const cells = useMemo(() => ({ store, format, disabled, onCell }), [store, format, disabled, onCell]);

  // Read through a ref so that the handlers stay the same while the clerk types.
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });
  // The fix a rule offers (data of the format): fill the cells it names that are still empty with 0.
  const fix = useCallback(
    (finding: Finding) =>
      finding.cells
        .filter((key) => !findCell(format, key)?.sum && store.get(key).value.trim() === "")
        .forEach((key) => onCell(key, "0")),
    [format, onCell, store],
  );
  const appendToOverview = useCallback(
    (text: string) => {
      // The sentence belongs to the first section's （一）主动公开, whatever the format calls that section.
      const key = narrativeSections(format)[0]!.key;
      const current = latest.current.sections[key] ?? "";
      dispatch({ type: "section", key, value: current ? `${current}\n${text}` : text });
    },
    [format],
  );
  // Each text part with its label and a change handler that never changes.
  const parts = useMemo(
    () =>
      [
        { key: format.preamble.key, label: format.preamble.label, subheadings: [] as readonly string[] },
        ...format.sections.flatMap((section) =>
          section.kind === "narrative" ? [{ key: section.key, label: sectionHeading(section), subheadings: section.subheadings }] : [],
        ),
      ].map((section) => ({
        section,
        onChange: (value: string) => dispatch({ type: "section", key: section.key, value }),
        notes: commentsAt(`sections.${section.key}`),
      })),
    [format, commentsAt],
  );
  const part = (key: string) => parts.find((p) => p.section.key === key)!;
  const narrativeField = (key: string) => {
    const { section, onChange, notes } = part(key);
    return (
      <Narrative
        section={section}
        value={state.sections[key] ?? ""}
        disabled={disabled}
        error={checks.fieldErrors[`sections.${key}`] ?? state.serverErrors[`sections.${key}`]}
        notes={notes}
        format={format}
        findings={checks.findingsInSection.get(key) ?? NONE}
        onChange={onChange}
      />
    );
  };

  return (
    <EditorCellsContext value={cells}>
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

      <Comments report={report} />

      <Workflow
        report={report}
        baseVersion={state.baseVersion}
        saved={state.status === "saved"}
        hasPendingInput={pendingInput}
        format={format}
        findings={checks.findings}
        blocking={checks.blocking}
      />

      <Summary
        format={format}
        findings={checks.findings}
        blocking={checks.blocking}
        inputErrors={inputErrorCount}
        onFix={fix}
        disabled={disabled}
      />

      {catalog && (
        <Catalog
          catalog={catalog}
          raw={settledRaw}
          disabled={disabled}
          onFill={onCell}
          overviewHeading={sectionHeading(narrativeSections(format)[0]!)}
          onAppendToOverview={appendToOverview}
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
        {narrativeField(format.preamble.key)}
      </section>

      {format.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="mb-8">
          <h2 id={`section-${section.key}`} className="mb-2 text-lg font-bold">
            {sectionHeading(section)}
          </h2>
          {section.kind === "narrative" ? (
            narrativeField(section.key)
          ) : (
            <EditorTable table={section.table} heading={section.heading} caption={sectionHeading(section)} />
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
    </EditorCellsContext>
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
