// zod schemas derived from a format definition: the one validation of report
// content, used by the editor and again by the server.
import { z } from "zod";
import { formatCells } from "./cells";
import { parseCellInput } from "./cell-value";
import type { CellKind, NarrativeSectionKey, ReportFormat } from "./types";
import { textParts } from "./sections";
import { refineWith } from "@/lib/validation/plain-text";
import { lineProblem, sectionProblem, type LineField } from "./field-checks";

export function cellValueSchema(kind: CellKind) {
  // Anything is taken in, so that a boolean or an object gets the cell's own
  // message; a cell the client leaves out (a computed total, say) reads as empty.
  return z.unknown().optional().transform((raw, ctx) => {
    const parsed = parseCellInput(raw, kind);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });
}

function sectionTextSchema(heading: string) {
  return z
    .string()
    .superRefine(refineWith((text) => sectionProblem(heading, text)))
    .transform((text) => text.replace(/\r\n?/g, "\n"));
}

const lineSchema = (field: LineField) => z.string().trim().superRefine(refineWith((text) => lineProblem(field, text)));

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
    title: lineSchema("title"),
    signatureLine: lineSchema("signatureLine"),
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

export type TReportContent = z.output<ReturnType<typeof reportContentSchema>>;
