// Live checks in the browser — a convenience: the server checks it all again
// with the same format definition and the same engine. Only 雷同 with other
// units comes from the server (their text never reaches this browser).
import {
  checkNarrativeAgainstTables,
  checkNarrativeText,
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
import type { EditorReport } from "@/lib/reports/editor-queries";
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

/** What the editor's checks read besides the report itself, from what the server sent. */
export function checkContextOf(report: EditorReport, peerFindings: readonly Finding[]): EditorCheckContext {
  return {
    organization: { name: report.organization.name, kind: report.organization.kind },
    year: report.year,
    previousValues: report.previousValues,
    previousSections: report.previousSections,
    catalogFigures: report.catalogFigures,
    peerFindings,
  };
}

/**
 * The cells as typed, read: valid values with the totals computed (a value
 * that cannot be read counts as empty), and a message for each that cannot be
 * read. The checks and the cell store's totals both read the cells this way.
 */
export function readCells(format: ReportFormat, raw: Readonly<Record<string, string>>) {
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
 * The checks of the narrative's text alone (stale text, 雷同 with last year,
 * structure, percentages): the costliest, so the editor runs them again only
 * when the text changes, on a deferred copy of its state.
 */
export function narrativeTextFindings(format: ReportFormat, state: EditorState, context: EditorCheckContext): Finding[] {
  return checkNarrativeText(ruleInput(format, state, context, {}));
}

export function runChecks(
  format: ReportFormat,
  state: EditorState,
  context: EditorCheckContext,
  narrativeText: readonly Finding[] = narrativeTextFindings(format, state, context),
): EditorChecks {
  const { inputErrors, values } = readCells(format, state.raw);
  const fieldErrors = fieldProblems(format, state);
  const input = ruleInput(format, state, context, values);
  const found = [...checkTablesAndFields(input), ...checkNarrativeAgainstTables(input), ...narrativeText, ...context.peerFindings];
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
