// What a clerk has in an open editor and what one round of typing changes in
// it: a few cells of the tables and one sentence of the text — then a pause,
// and the autosave sends the whole draft, as the editor does.
import { formatCells, getFormat, narrativeSections, type CellValue, type ReportFormat } from "@/lib/report-format";
import type { EditorContent } from "@/lib/reports/editor-content";

/** The editor's draft as the save action receives it: cells as typed (text). */
export interface Draft {
  title: string;
  signatureLine: string;
  signedOn: string | null;
  sections: Record<string, string>;
  cells: Record<string, string>;
}

/** A small deterministic generator, so that a run's edits can be replayed. */
export class Dice {
  constructor(private seed: number) {}
  next(): number {
    this.seed = (Math.imul(this.seed, 1103515245) + 12345) >>> 0;
    return this.seed / 2 ** 32;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  between(low: number, high: number): number {
    return low + this.next() * (high - low);
  }
}

const inputCells = (format: ReportFormat) => formatCells(format).filter((cell) => !cell.sum);

/** The draft an editor opened on this content holds (what the editor's state holds). */
export function draftOf(formatVersion: string, content: EditorContent): Draft {
  return {
    title: content.title,
    signatureLine: content.signatureLine,
    signedOn: content.signedOn,
    sections: { ...content.sections },
    cells: Object.fromEntries(inputCells(getFormat(formatVersion)).map((cell) => [cell.key, content.values[cell.key] == null ? "" : String(content.values[cell.key])])),
  };
}

/** The typed cells as values, for comparing a draft with what the server stored. */
export function valuesOf(draft: Draft): Record<string, CellValue> {
  return Object.fromEntries(Object.entries(draft.cells).map(([key, raw]) => [key, raw.trim() === "" ? null : Number(raw)]));
}

function newValue(kind: "count" | "amount" | "change", dice: Dice): string {
  switch (kind) {
    case "count":
      return String(dice.int(300));
    case "amount":
      return (dice.int(100_000) / 100).toFixed(2);
    case "change":
      return String(dice.int(41) - 20);
  }
}

/** A number in the sentence retyped, else a phrase reworded (两个常见的措辞互换). */
function reword(sentence: string, dice: Dice): string {
  const numbers = [...sentence.matchAll(/\d+/g)];
  if (numbers.length > 0) {
    const hit = numbers[dice.int(numbers.length)]!;
    return sentence.slice(0, hit.index) + String(1 + dice.int(999)) + sentence.slice(hit.index + hit[0].length);
  }
  if (sentence.includes("进一步")) return sentence.replace("进一步", "持续");
  if (sentence.includes("持续")) return sentence.replace("持续", "进一步");
  return sentence.replace("加强", "强化");
}

/**
 * A few cells and one sentence: a number in it retyped, or a phrase reworded.
 * `textOnly`: the sentence alone (a correction that must still pass the rules to be submitted).
 */
export function typeEdit(formatVersion: string, draft: Draft, dice: Dice, textOnly = false): Draft {
  const format = getFormat(formatVersion);
  const cells = { ...draft.cells };
  const candidates = inputCells(format);
  for (let n = textOnly ? 0 : 2 + dice.int(3); n > 0; n--) {
    const cell = candidates[dice.int(candidates.length)]!;
    cells[cell.key] = newValue(cell.kind, dice);
  }
  const keys = narrativeSections(format).map((s) => s.key as string).filter((key) => (draft.sections[key] ?? "").length > 0);
  const key = keys[dice.int(keys.length)]!;
  const text = draft.sections[key]!;
  const sentences = text.split(/(?<=[。；\n])/);
  const at = dice.int(sentences.length);
  const sentence = sentences[at]!;
  const reworded = reword(sentence, dice);
  sentences[at] = reworded;
  return { ...draft, cells, sections: { ...draft.sections, [key]: sentences.join("") } };
}
