// What the rule engine reads and what it reports. Every check — in the
// editor, on the server, in the import and on the board — takes a RuleInput
// and returns Findings of this one shape.
import type { OrganizationKindName } from "./deadlines";
import type { ReportFormat, RuleId, Severity } from "./types";
import type { ReportValues } from "./values";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Chinese: the rule in plain words, then the concrete numbers. */
  message: string;
  /** Cell keys the finding concerns (shown beside those cells). */
  cells: string[];
  /** Report field it concerns when not a cell: "title", "signedOn". */
  field?: "title" | "signedOn";
  /** Narrative section key it concerns ("overview", "problems", "other"). */
  section?: string;
  /**
   * Tells apart findings of one rule in one place (a paragraph's text key, a
   * figure's kind), so that an explanation stays with its finding.
   */
  key?: string;
  /** The sentence or paragraph concerned, with the figure (or passage) to highlight. */
  quote?: { text: string; mark?: { start: number; end: number } };
  /** Text to show beside the quote: the earlier report's paragraph, the similar passage. */
  beside?: { label: string; text: string };
  /** For 雷同 with another unit: which one (left out for readers who may not see it). */
  peer?: { unitId: string; unitName: string };
}

/** Another unit's report of the same year under the same county, for 雷同. */
export interface PeerReport {
  unitId: string;
  unitName: string;
  sections: Readonly<Record<string, string>>;
}

export interface RuleInput {
  format: ReportFormat;
  organization: { name: string; kind: OrganizationKindName };
  year: number;
  title: string;
  /** YYYY-MM-DD, or null when not yet filled in. */
  signedOn: string | null;
  values: ReportValues;
  /** Narrative sections by key; checks of the text run only when given. */
  sections?: Readonly<Record<string, string>>;
  /** Last year's values, when the organization has a report for it. */
  previous?: ReportValues | null;
  /** Last year's narrative sections, when the organization has a report for it. */
  previousSections?: Readonly<Record<string, string>> | null;
  /**
   * The unit's disclosure catalog for the year, when it has published items
   * in it: the total disclosed and the count behind each table cell it supports.
   */
  catalog?: { total: number; cells: Readonly<Record<string, number>> } | null;
  /** This year's reports of the other units under the same county. */
  peers?: readonly PeerReport[];
}

export interface FindingPlace {
  cells?: string[];
  field?: Finding["field"];
  section?: string;
  key?: string;
  quote?: Finding["quote"];
  beside?: Finding["beside"];
  peer?: Finding["peer"];
}

/** A finding of `rule`, its message the rule's statement followed by the detail. */
export function makeFinding(format: ReportFormat, rule: RuleId, detail: string, place: FindingPlace = {}): Finding {
  const meta = format.rules.meta[rule];
  const { cells = [], ...rest } = place;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { rule, severity: meta.severity, message: `${meta.statement}：${detail}`, cells, ...defined };
}

/** A stable id of a finding within one report, for the clerk's explanation of a warning. */
export function findingId(finding: Finding): string {
  const place = finding.section
    ? `${finding.section}${finding.key ? `:${finding.key}` : ""}`
    : (finding.field ?? finding.cells.join(","));
  return `${finding.rule}:${place}${finding.section ? "" : finding.key ? `:${finding.key}` : ""}`;
}

export function hasBlockingErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
