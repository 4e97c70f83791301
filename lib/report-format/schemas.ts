// zod schemas derived from a format definition: the one validation of report
// content, used by the editor and again by the server.
import { z } from "zod";
import { formatCells } from "./cells";
import { parseCellInput } from "./cell-value";
import type { CellKind, NarrativeSectionKey, ReportFormat } from "./types";
import { textParts } from "./sections";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from "@/lib/validation/plain-text";

/** Long enough for any real section; a 1 MB paste is refused with a message. */
export const MAX_SECTION_LENGTH = 50_000;

export function cellValueSchema(kind: CellKind) {
  // Optional: a cell the client leaves out (a computed total, say) reads as empty.
  return z.union([z.string(), z.number(), z.null()]).optional().transform((raw, ctx) => {
    const parsed = parseCellInput(raw ?? null, kind);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });
}

function sectionTextSchema(heading: string) {
  return z
    .string()
    .max(MAX_SECTION_LENGTH, `“${heading}”过长（最多${MAX_SECTION_LENGTH}字）`)
    .refine((text) => !hasControlCharacters(text), CONTROL_CHARACTER_MESSAGE)
    .transform((text) => text.replace(/\r\n?/g, "\n"));
}

const lineSchema = (empty: string | null, long: string) => {
  const base = z.string().trim();
  return (empty ? base.min(1, empty) : base).max(200, long).refine((text) => !hasControlCharacters(text), CONTROL_CHARACTER_MESSAGE);
};

export function sectionsSchema(format: ReportFormat) {
  const shape = {} as Record<NarrativeSectionKey, z.ZodType<string, unknown>>;
  for (const part of textParts(format)) {
    const text = sectionTextSchema(part.label);
    // The preamble is optional: a client (or an older one) that leaves it out saves none.
    shape[part.key] = part.kind === "preamble" ? text.optional().transform((t) => t ?? "") : text;
  }
  return z.object(shape);
}

export function cellsSchema(format: ReportFormat) {
  return z.object(
    Object.fromEntries(formatCells(format).map((cell) => [cell.key, cellValueSchema(cell.kind)])),
  );
}

function buildContentSchema(format: ReportFormat) {
  return z.object({
    title: lineSchema("请填写标题", "标题过长"),
    signatureLine: lineSchema(null, "落款过长"),
    signedOn: z.iso.date("落款日期格式应为 YYYY-MM-DD").nullable(),
    sections: sectionsSchema(format),
    cells: cellsSchema(format),
  });
}

// Built once per format: building it (a schema per cell) costs far more than
// parsing with it, and the editor checks on every keystroke.
const contentSchemas = new WeakMap<ReportFormat, ReturnType<typeof buildContentSchema>>();

export function reportContentSchema(format: ReportFormat) {
  let schema = contentSchemas.get(format);
  if (!schema) contentSchemas.set(format, (schema = buildContentSchema(format)));
  return schema;
}

// The part the editor checks as the clerk types (the cells are read by readCells).
const fieldSchemas = new WeakMap<ReportFormat, ReturnType<typeof pickFields>>();
const pickFields = (format: ReportFormat) => reportContentSchema(format).pick({ title: true, signatureLine: true, sections: true });

/** The schema of a report's title, 落款 and sections, built once per format. */
export function reportFieldsSchema(format: ReportFormat) {
  let schema = fieldSchemas.get(format);
  if (!schema) fieldSchemas.set(format, (schema = pickFields(format)));
  return schema;
}

export type TReportContent = z.output<ReturnType<typeof reportContentSchema>>;
