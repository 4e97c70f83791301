// What makes a report's title, 落款 or a text section unsaveable, as plain
// functions: the server's zod schema (schemas.ts) refines with them, and the
// editor calls them directly as the clerk types, so the browser does not carry
// zod for three fields.
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters, titleProblem } from "@/lib/validation/plain-text";
import { textParts } from "./sections";
import type { ReportFormat } from "./types";

/** Long enough for any real section; a 1 MB paste is refused with a message. */
export const MAX_SECTION_LENGTH = 50_000;
export const MAX_LINE_LENGTH = 200;

/** The one-line fields and what is said when they are wrong. */
export const LINE_FIELDS = {
  title: { empty: "请填写标题", long: "标题过长" },
  signatureLine: { empty: null, long: "落款过长" },
} as const;
export type LineField = keyof typeof LINE_FIELDS;

/** What is wrong with a one-line field (title, 落款), read trimmed; undefined when nothing. */
export function lineProblem(field: LineField, value: string): string | undefined {
  const text = value.trim();
  const rule = LINE_FIELDS[field];
  if (rule.empty && text.length === 0) return rule.empty;
  if (text.length > MAX_LINE_LENGTH) return rule.long;
  return titleProblem(text);
}

/** What is wrong with a text section; undefined when nothing. */
export function sectionProblem(heading: string, text: string): string | undefined {
  if (text.length > MAX_SECTION_LENGTH) return `“${heading}”过长（最多${MAX_SECTION_LENGTH}字）`;
  if (hasControlCharacters(text)) return CONTROL_CHARACTER_MESSAGE;
  return undefined;
}

/**
 * Every problem of the title, 落款 and sections, by field path ("title",
 * "sections.overview"): what the server would refuse when saving them.
 */
export function fieldProblems(
  format: ReportFormat,
  fields: { title: string; signatureLine: string; sections: Readonly<Record<string, string>> },
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of Object.keys(LINE_FIELDS) as LineField[]) {
    const problem = lineProblem(field, fields[field]);
    if (problem) problems[field] = problem;
  }
  for (const part of textParts(format)) {
    const text = fields.sections[part.key];
    // The preamble may be left out; a missing section is the schema's to refuse.
    if (text === undefined) continue;
    const problem = sectionProblem(part.label, text);
    if (problem) problems[`sections.${part.key}`] = problem;
  }
  return problems;
}
