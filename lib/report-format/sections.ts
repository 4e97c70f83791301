// Helpers over a format's six sections, and the plain-text structure of
// narrative sections (paragraphs and their customary sub-headings).
import type { NarrativeSection, ReportFormat } from "./types";

export function narrativeSections(format: ReportFormat): NarrativeSection[] {
  return format.sections.filter((s): s is NarrativeSection => s.kind === "narrative");
}

/** A part of the report stored as text: the preamble, then the narrative sections. */
export interface TextPart {
  key: string;
  /** “前言”, “一、总体情况” … */
  label: string;
  kind: "preamble" | "section";
}

/** Every text part of a report in document order: what is stored, validated, compared and published. */
export function textParts(format: ReportFormat): TextPart[] {
  return [
    { key: format.preamble.key, label: format.preamble.label, kind: "preamble" },
    ...narrativeSections(format).map((s) => ({ key: s.key, label: sectionHeading(s), kind: "section" as const })),
  ];
}

/** "一、总体情况" — how a section heading is printed. */
export function sectionHeading(section: { numeral: string; heading: string }): string {
  return `${section.numeral}、${section.heading}`;
}

export type NarrativeBlock = { kind: "subheading" | "paragraph"; text: string };

/** （一）… or （十二）… alone on a line. */
const SUBHEADING = /^（[一二三四五六七八九十]+）\S{1,30}$/;

/** Splits a narrative section's text into sub-headings and paragraphs. */
export function narrativeBlocks(text: string): NarrativeBlock[] {
  return text
    .split(/\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ kind: SUBHEADING.test(line) ? "subheading" : "paragraph", text: line }));
}
