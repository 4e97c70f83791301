// Live checks in the browser — a convenience: the server checks it all again
// with the same format definition.
import {
  checkReport,
  formatCells,
  parseCellInput,
  reportContentSchema,
  withComputedTotals,
  type CellValue,
  type Finding,
  type OrganizationKindName,
  type ReportFormat,
} from "@/lib/report-format";
import type { EditorState } from "./editor-state";

export interface EditorChecks {
  /** Messages for input that could not be read, by cell key. */
  inputErrors: Record<string, string>;
  /** The same for the other fields the server would refuse (title, 落款, sections), by field path. */
  fieldErrors: Record<string, string>;
  /** Valid values with the totals computed. */
  values: Record<string, CellValue>;
  findings: Finding[];
  /** Findings shown beside a cell: each finding at the first cell it names. */
  findingsAt: Map<string, Finding[]>;
  /** Every cell some finding concerns. */
  flagged: Set<string>;
  emptyCells: number;
}

export function runChecks(
  format: ReportFormat,
  state: EditorState,
  context: { organization: { name: string; kind: OrganizationKindName }; year: number; previousValues: Record<string, CellValue> | null },
): EditorChecks {
  const inputErrors: Record<string, string> = {};
  const typed: Record<string, CellValue> = {};
  for (const cell of formatCells(format)) {
    if (cell.sum) continue;
    const parsed = parseCellInput(state.raw[cell.key] ?? "", cell.kind);
    if (parsed.ok) typed[cell.key] = parsed.value;
    else {
      inputErrors[cell.key] = parsed.message;
      typed[cell.key] = null;
    }
  }
  const values = withComputedTotals(format, typed);
  const fieldErrors: Record<string, string> = {};
  const fields = reportContentSchema(format)
    .pick({ title: true, signatureLine: true, sections: true })
    .safeParse({ title: state.title, signatureLine: state.signatureLine, sections: state.sections });
  for (const issue of fields.error?.issues ?? []) fieldErrors[issue.path.join(".")] ??= issue.message;
  const all = checkReport({
    format,
    organization: context.organization,
    year: context.year,
    title: state.title,
    signedOn: state.signedOn || null,
    values,
    previous: context.previousValues,
  });
  // Empty cells are counted once in the summary rather than flagged one by one.
  const isEmptyFinding = (f: Finding) => f.rule === "R10" && f.cells.length === 1 && values[f.cells[0]!] === null;
  const emptyCells = all.filter(isEmptyFinding).length;
  const findings = all.filter((f) => !isEmptyFinding(f));
  const findingsAt = new Map<string, Finding[]>();
  const flagged = new Set<string>();
  for (const finding of findings) {
    const [first] = finding.cells;
    if (first) findingsAt.set(first, [...(findingsAt.get(first) ?? []), finding]);
    finding.cells.forEach((key) => flagged.add(key));
  }
  return { inputErrors, fieldErrors, values, findings, findingsAt, flagged, emptyCells };
}
