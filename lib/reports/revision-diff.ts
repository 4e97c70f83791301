// What changed between two versions of a report: cells with old and new
// values, and the paragraphs of each narrative section (line by line).
import { diffArrays } from "diff";
import { formatCells, textParts, type CellValue, type ReportFormat } from "@/lib/report-format";

export interface ContentSnapshot {
  title: string;
  signatureLine: string;
  signedOn: string | null;
  sections: Record<string, string>;
  values: Record<string, CellValue>;
}

export interface RevisionDiff {
  fields: { label: string; before: string; after: string }[];
  cells: { key: string; name: string; before: CellValue; after: CellValue }[];
  sections: { key: string; heading: string; parts: { kind: "added" | "removed" | "same"; lines: string[] }[] }[];
}

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

/**
 * `comparedCells`: when `before` is a report in another format (last year's,
 * in the 2019 trial format), only the cells the formats declare to mean the same.
 */
export function diffContent(
  format: ReportFormat,
  before: ContentSnapshot,
  after: ContentSnapshot,
  comparedCells?: ReadonlySet<string>,
): RevisionDiff {
  const fields = [
    { label: "标题", before: before.title, after: after.title },
    { label: "落款", before: before.signatureLine, after: after.signatureLine },
    { label: "落款日期", before: before.signedOn ?? "", after: after.signedOn ?? "" },
  ].filter((f) => f.before !== f.after);
  const cells = formatCells(format)
    .filter((cell) => !comparedCells || comparedCells.has(cell.key))
    .filter((cell) => (before.values[cell.key] ?? null) !== (after.values[cell.key] ?? null))
    .map((cell) => ({ key: cell.key, name: cell.name, before: before.values[cell.key] ?? null, after: after.values[cell.key] ?? null }));
  const sections = textParts(format)
    .filter((s) => (before.sections[s.key] ?? "") !== (after.sections[s.key] ?? ""))
    .map((s) => ({
      key: s.key,
      heading: s.label,
      parts: diffArrays(lines(before.sections[s.key] ?? ""), lines(after.sections[s.key] ?? "")).map((part) => ({
        kind: part.added ? ("added" as const) : part.removed ? ("removed" as const) : ("same" as const),
        lines: part.value,
      })),
    }));
  return { fields, cells, sections };
}
