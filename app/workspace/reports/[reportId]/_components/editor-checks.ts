// Live checks in the browser — a convenience: the server checks it all again
// with the same format definition and the same engine. Only 雷同 with other
// units comes from the server (their text never reaches this browser).
import {
  checkNarrative,
  checkTablesAndFields,
  fieldProblems,
  formatCells,
  parseCellInput,
  withComputedTotals,
  type CellValue,
  type Finding,
  type OrganizationKindName,
  type ReportFormat,
  type RuleInput,
} from "@/lib/report-format";
import type { EditorState } from "./editor-state";

export interface EditorChecks {
  /** Messages for input that could not be read, by cell key. */
  inputErrors: Record<string, string>;
  /** The same for the other fields the server would refuse (title, 落款, sections), by field path. */
  fieldErrors: Record<string, string>;
  /** Valid values with the totals computed. */
  values: Record<string, CellValue>;
  /** Every finding, errors first: the one list the summary, the counts and the submission read. */
  findings: Finding[];
  /** Findings shown beside a cell: each finding at the first cell it names. */
  findingsAt: Map<string, Finding[]>;
  /** Findings shown beside a narrative section, by section key. */
  findingsInSection: Map<string, Finding[]>;
  /** Every cell some finding shown beside cells concerns. */
  flagged: Set<string>;
  /** What blocks submission: blocking findings plus input the server would refuse. */
  blocking: number;
}

export interface EditorCheckContext {
  organization: { name: string; kind: OrganizationKindName };
  year: number;
  previousValues: Record<string, CellValue> | null;
  previousSections: Record<string, string> | null;
  catalogFigures: RuleInput["catalog"];
  /** The server's findings about other units' reports, as of the last save. */
  peerFindings: readonly Finding[];
}

/** The cells as typed, read: valid values with the totals computed, and a message for each that cannot be read. */
function readCells(format: ReportFormat, raw: Readonly<Record<string, string>>) {
  const inputErrors: Record<string, string> = {};
  const typed: Record<string, CellValue> = {};
  for (const cell of formatCells(format)) {
    if (cell.sum) continue;
    const parsed = parseCellInput(raw[cell.key] ?? "", cell.kind);
    if (parsed.ok) typed[cell.key] = parsed.value;
    else {
      inputErrors[cell.key] = parsed.message;
      typed[cell.key] = null;
    }
  }
  return { inputErrors, values: withComputedTotals(format, typed) };
}

function ruleInput(format: ReportFormat, state: EditorState, context: EditorCheckContext, values: Record<string, CellValue>): RuleInput {
  return {
    format,
    organization: context.organization,
    year: context.year,
    title: state.title,
    signedOn: state.signedOn || null,
    values,
    sections: state.sections,
    previous: context.previousValues,
    previousSections: context.previousSections,
    catalog: context.catalogFigures,
  };
}

/**
 * The checks of the narrative (R8, stale text, 雷同 with last year, structure):
 * costlier than the tables', so the editor runs them on a deferred copy of
 * its state and a keystroke paints before they finish.
 */
export function narrativeFindings(format: ReportFormat, state: EditorState, context: EditorCheckContext): Finding[] {
  return checkNarrative(ruleInput(format, state, context, readCells(format, state.raw).values));
}

export function runChecks(
  format: ReportFormat,
  state: EditorState,
  context: EditorCheckContext,
  narrative: readonly Finding[] = narrativeFindings(format, state, context),
): EditorChecks {
  const { inputErrors, values } = readCells(format, state.raw);
  const fieldErrors = fieldProblems(format, state);
  const found = [...checkTablesAndFields(ruleInput(format, state, context, values)), ...narrative, ...context.peerFindings];
  const findings = [...found.filter((f) => f.severity === "error"), ...found.filter((f) => f.severity === "warning")];
  const findingsAt = new Map<string, Finding[]>();
  const findingsInSection = new Map<string, Finding[]>();
  const flagged = new Set<string>();
  for (const finding of findings) {
    const scope = format.rules.meta[finding.rule].scope;
    if (scope === "narrative" && finding.section) {
      findingsInSection.set(finding.section, [...(findingsInSection.get(finding.section) ?? []), finding]);
    } else if (scope === "cells") {
      const [first] = finding.cells;
      if (first) findingsAt.set(first, [...(findingsAt.get(first) ?? []), finding]);
      finding.cells.forEach((key) => flagged.add(key));
    }
  }
  const blocking =
    findings.filter((f) => f.severity === "error").length + Object.keys(inputErrors).length + Object.keys(fieldErrors).length;
  return { inputErrors, fieldErrors, values, findings, findingsAt, findingsInSection, flagged, blocking };
}
