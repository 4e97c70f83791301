// A report's editable content as plain data (safe to send to the browser),
// read from the working copy, and its hash for the audit log.
import { createHash } from "node:crypto";
import { getFormat, textParts, type CellValue } from "@/lib/report-format";
import { cellRowsToValues } from "./cell-rows";

export interface EditorContent {
  title: string;
  signatureLine: string;
  /** YYYY-MM-DD */
  signedOn: string | null;
  sections: Record<string, string>;
  values: Record<string, CellValue>;
}

export function contentOfWorkingCopy(report: {
  formatVersion: string;
  title: string;
  signatureLine: string;
  signedOn: Date | null;
  sections: { sectionKey: string; body: string }[];
  cells: Parameters<typeof cellRowsToValues>[1];
}): EditorContent {
  const format = getFormat(report.formatVersion);
  const bodies = new Map(report.sections.map((s) => [s.sectionKey, s.body]));
  return {
    title: report.title,
    signatureLine: report.signatureLine,
    signedOn: report.signedOn ? report.signedOn.toISOString().slice(0, 10) : null,
    sections: Object.fromEntries(textParts(format).map((part) => [part.key, bodies.get(part.key) ?? ""])),
    values: cellRowsToValues(format, report.cells),
  };
}

/** sha256 of the content in a fixed key order: equal content, equal hash. */
export function contentHash(content: EditorContent): string {
  const canonical = JSON.stringify([
    content.title,
    content.signatureLine,
    content.signedOn,
    Object.entries(content.sections).sort(([a], [b]) => a.localeCompare(b)),
    Object.entries(content.values).sort(([a], [b]) => a.localeCompare(b)),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
