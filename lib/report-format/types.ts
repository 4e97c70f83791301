// Types of a report format definition. A format (e.g. the 2021 national
// format, 国办公开办函〔2021〕30号) is plain data of these shapes; everything
// else — validation, rules, rendering, import, export — is derived from it.

import type { NarrativeFigureRules } from "./narrative/figure-types";
import type { NarrativeTextRules } from "./narrative/text-types";
import type { ImportVariants } from "./import-variants";

/**
 * count: a non-negative whole number (件, 条); amount: non-negative 万元 with
 * up to 4 decimals; change: a signed whole number (the 2019 format's 本年增/减).
 */
export type CellKind = "count" | "amount" | "change";

/** A narrative section's key ("overview", "problems", "other" in the 2021 format); a format may name others. */
export type NarrativeSectionKey = string;
export type TableSectionKey = string;

export interface NarrativeSection {
  kind: "narrative";
  /** 一 … 六 */
  numeral: string;
  key: NarrativeSectionKey;
  heading: string;
  /** Other headings real reports use for this section (import only). */
  headingVariants: readonly string[];
  /** Customary sub-headings, offered by the editor and recognised on import. */
  subheadings: readonly string[];
}

export interface TableSection {
  kind: "table";
  numeral: string;
  key: TableSectionKey;
  heading: string;
  headingVariants: readonly string[];
  table: TableDef;
}

export type SectionDef = NarrativeSection | TableSection;

export interface ColumnDef {
  key: string;
  label: string;
}

export interface RowDef {
  key: string;
  label: string;
}

/** Table 二: blocks under a full-width header naming an item of 条例第二十条. */
export interface BlocksTable {
  layout: "blocks";
  key: string;
  /** Left header cell repeated in every block. */
  rowHeader: string;
  blocks: readonly {
    heading: string;
    columns: readonly (ColumnDef & { kind: CellKind })[];
    rows: readonly RowDef[];
  }[];
}

/** A node of a row tree: a value row, or a group label spanning its children. */
export type RowNode = RowDef | { label: string; children: readonly RowNode[] };

/** Table 三: a matrix of nested rows × applicant columns. */
export interface MatrixTable {
  layout: "matrix";
  key: string;
  /** Text of the top-left header block. */
  note: string;
  /** Label spanning all value columns. */
  columnsHeader: string;
  /** Leaf columns in order; `group` names a header spanning consecutive columns. */
  columns: readonly (ColumnDef & { group?: string })[];
  rows: readonly RowNode[];
  totals: {
    /** A column that sums the other columns of its row. */
    column: { key: string; rule: RuleId };
    /** A row that sums, per column, the value rows among its siblings (and their children). */
    row: { key: string; rule: RuleId };
  };
}

/** Table 四: one data row of column groups, each group with the same columns. */
export interface GroupsTable {
  layout: "groups";
  key: string;
  columns: readonly ColumnDef[];
  /** Each group is a "row" of the data; `parent` names a header spanning groups. */
  groups: readonly (RowDef & { parent?: string })[];
  totals: { column: { key: string; rule: RuleId } };
}

export type TableDef = BlocksTable | MatrixTable | GroupsTable;

/** One value cell of a table, flattened out of a table definition. */
export interface CellDef {
  /** Stable machine name: `${table}.${row}.${column}`. */
  key: string;
  table: string;
  row: string;
  column: string;
  kind: CellKind;
  /** Labels of the row, outermost first (e.g. ["（三）不予公开", "1.属于国家秘密"]). */
  rowPath: readonly string[];
  columnPath: readonly string[];
  /** The accessible name: leaf row label and column label, e.g. "行政处罚 本年处理决定数量". */
  name: string;
  /** Set when the cell is a pure sum of others; the rule that requires it. */
  sum?: {
    of: readonly string[];
    rule: RuleId;
    /** "row": adds the other columns of its row; "column": adds other rows of its column. */
    along: "row" | "column";
  };
}

export type Severity = "error" | "warning";

export type RuleId =
  | "R1"
  | "R2"
  | "R3"
  | "R4"
  | "R6"
  | "R7"
  | "R8"
  | "R10"
  | "R11"
  | "R12"
  | "empty-cells"
  | "catalog"
  | "title"
  | "signature-date"
  | "signature-missing"
  | "format-version"
  | "stale-year"
  | "unchanged-paragraph"
  | "similar-previous"
  | "similar-peer"
  | "section-empty"
  | "problems-measures"
  | "problems-followup"
  | "statistical-period"
  | "superseded-citation"
  | "percentage";

/** Where a rule's findings are shown: beside cells, a field, a narrative section, or the report as a whole. */
export type RuleScope = "cells" | "field" | "narrative" | "report";

export interface RuleMeta {
  severity: Severity;
  /** Short Chinese name shown on screen instead of the rule id, e.g. “申请数勾稽关系”. */
  name: string;
  /** Plain Chinese statement of the rule, shown with every finding. */
  statement: string;
  scope: RuleScope;
  /** A fix the screens offer for the finding: fill its (empty) cells with 0. */
  fix?: "fill-cells-with-zero";
}

/**
 * Parameterised rule instances of a format. Sum rules (R2–R4) are carried by
 * the computed cells themselves; R10, title, date and format checks apply to
 * every format and need no parameters.
 */
export interface FormatRules {
  meta: Record<RuleId, RuleMeta>;
  /** R1: per column, sum(left rows) = sum(right rows). */
  balance: { rule: RuleId; table: string; left: readonly string[]; right: readonly string[] };
  /** R6: this year's `row` = last year's `fromRow`, per column. */
  carryOver: { rule: RuleId; table: string; row: string; fromRow: string };
  /** R7 and R12 on the stock of documents; null when the format counts no stock (the 2019 trial format). */
  stock: {
    table: string;
    rows: readonly string[];
    issued: string;
    repealed: string;
    inForce: string;
  } | null;
  /** R11: cells that must be 0 for organizations of these kinds. */
  zeroForKinds: { rule: RuleId; table: string; row: string; kinds: readonly string[] };
}

/**
 * What the disclosure catalog counts (lib/catalog/report-measures.ts):
 * published — items published in the year; issued — the same, as 本年制发;
 * repealed — repealed in the year; inForce — in force at 31 December.
 */
export type CatalogMeasure = "published" | "issued" | "repealed" | "inForce";

/** A table-二 cell the unit's catalog can count: its items of `category` (a catalog category key), by `measure`. */
export interface CatalogCellSource {
  cell: string;
  category: string;
  measure: CatalogMeasure;
}

export interface ReportFormat {
  version: string;
  /** The document that fixed it. */
  source: string;
  /** First and last report year it applies to (inclusive; null = open). */
  years: { from: number; to: number | null };
  titlePattern: (organizationName: string, year: number) => string;
  sections: readonly SectionDef[];
  /**
   * The unnumbered text between the title and 一 (根据《条例》…现将…报告如下; the
   * statistical period): the format allows it and most reports have one.
   * Stored and published like a narrative section under this key.
   */
  preamble: { key: string; label: string };
  /** Other labels real reports use, for the import (never shown). */
  importVariants: ImportVariants;
  rules: FormatRules;
  /**
   * Figures compared across years and units besides the applications table:
   * each group's cells are charted side by side, labelled by their rows.
   */
  comparison: readonly { title: string; cells: readonly string[] }[];
  /**
   * Cells that mean the same in another format version, by that version: the
   * only cells compared year on year across the two formats (R6, charts).
   * Declared by one of the two formats; within one format every cell compares.
   */
  sameMeaning?: Readonly<Record<string, readonly string[]>>;
  /** Data for the checks of the narrative against the tables and against other reports. */
  narrative: NarrativeRules;
  /** The cells of table 二 the catalog can count; checked against it and offered to the clerk (填入). */
  catalog: readonly CatalogCellSource[];
}

/** The narrative checks' parameters, as data of the format (see lib/report-format/narrative/). */
export interface NarrativeRules {
  figures: NarrativeFigureRules;
  text: NarrativeTextRules;
}
