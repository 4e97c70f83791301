// Reads the plain-text export of a report (as a word processor saves it: one
// table cell per line indented with a tab, blank lines between rows) into a
// structured report. Everything the parser cannot place is returned as an
// issue with its line number; nothing is dropped silently. What it read in a
// way the user should know of is a note; what it placed by guesswork, a guess.
import {
  emptyValues,
  narrativeSections,
  type CellValue,
  type NarrativeSectionKey,
  type ReportFormat,
  type SectionDef,
} from "@/lib/report-format";
import { readFrontMatter, type FrontLine } from "./front-matter";
import { emptyFindings, type ImportIssue } from "./import-issue";
import { formatChineseDate, parseSignatureDate } from "./parse-date";
import { readTable, type TableLine } from "./read-table";
import { readSectionHeading } from "./section-heading";

export type { ImportIssue } from "./import-issue";
export { matchSectionHeading } from "./section-heading";

export interface ParsedReport {
  title: string;
  /** The paragraphs between the title and section 一, joined by "\n". */
  preamble: string;
  sections: Record<NarrativeSectionKey, string>;
  values: Record<string, CellValue>;
  signatureLine: string;
  /** YYYY-MM-DD */
  signedOn: string | null;
  /** What could not be placed. */
  issues: ImportIssue[];
  /** Conversions and readings the user should know about (元 → 万元, 规范性文件, a joined title). */
  notes: ImportIssue[];
  /** Content placed by guesswork (a heading recognised only by its numeral). */
  guessed: ImportIssue[];
  /** Keys of the sections whose heading was found, in the order of the file. */
  headingsFound: string[];
}

interface Line {
  number: number;
  text: string;
}

/** A signature line stands apart: indented, or naming an office. */
function looksLikeSignature(raw: string): boolean {
  const text = raw.trim();
  if (text.length === 0 || text.length > 40 || /[。；：]$/.test(text)) return false;
  return /^[ \u3000]{4,}/.test(raw) || /(政府|办事处|委员会|局|办公室|中心)$/.test(text);
}

/** Lines of the text; a byte-order mark, a trailing Ctrl-Z (DOS end of file) and trailing blanks dropped. */
function sourceLines(source: string): Line[] {
  const text = source.replace(/^\uFEFF/, "").replace(/[\s\x1a]+$/, "");
  return text.split(/\r\n?|\n/).map((line, i) => ({ number: i + 1, text: line }));
}

export function parseTextReport(source: string, format: ReportFormat): ParsedReport {
  const lines = sourceLines(source);
  const findings = emptyFindings();
  const { issues, notes, guessed } = findings;
  const values = emptyValues(format);
  const sections = Object.fromEntries(narrativeSections(format).map((s) => [s.key, ""])) as Record<
    NarrativeSectionKey,
    string
  >;

  // The signature and its date close the document.
  const content = lines.filter((l) => l.text.trim() !== "");
  let signatureLine = "";
  let signedOn: string | null = null;
  let end = lines.length;
  const last = content[content.length - 1];
  const date = last ? parseSignatureDate(last.text) : null;
  if (last && date) {
    signedOn = date.iso;
    end = last.number - 1;
    if (!date.standard) {
      notes.push({ line: last.number, message: `落款日期“${last.text.trim()}”读作${formatChineseDate(date.iso)}` });
    }
    const before = content[content.length - 2];
    if (before && looksLikeSignature(before.text)) {
      signatureLine = before.text.trim();
      end = before.number - 1;
    }
  }

  let front: FrontLine[] | undefined = [];
  let title = "";
  let preamble = "";
  const readFront = () => {
    if (front) ({ title, preamble } = readFrontMatter(front, findings));
    front = undefined;
  };
  let current: SectionDef | undefined;
  const seen = new Set<string>();
  const narrative: Record<string, string[]> = {};
  const tableLines: Record<string, TableLine[]> = {};

  for (const line of lines.slice(0, end)) {
    const trimmed = line.text.trim();
    const isCell = line.text.startsWith("\t");
    if (trimmed === "") {
      if (current?.kind === "table") {
        (tableLines[current.key] ??= []).push({ kind: isCell ? "empty" : "break", number: line.number });
      }
      continue;
    }
    const heading = isCell ? undefined : readSectionHeading(format, trimmed);
    if (heading) {
      const { section, how } = heading;
      readFront();
      if (seen.has(section.key)) issues.push({ line: line.number, message: `重复的章节标题“${trimmed}”` });
      seen.add(section.key);
      current = section;
      const expected = `${section.numeral}、${section.heading}`;
      if (how === "variant") notes.push({ line: line.number, message: `章节标题“${trimmed}”按“${expected}”读取` });
      if (how === "numeral") {
        guessed.push({ line: line.number, message: `章节标题“${trimmed}”与格式不符，仅凭序号读作“${expected}”` });
      }
      continue;
    }
    if (!current) {
      front?.push({ number: line.number, text: trimmed, isCell });
    } else if (current.kind === "narrative") {
      if (isCell) issues.push({ line: line.number, message: `叙述章节中出现表格单元格：“${trimmed}”` });
      else (narrative[current.key] ??= []).push(trimmed);
    } else if (isCell) {
      (tableLines[current.key] ??= []).push({ kind: "cell", number: line.number, text: trimmed });
    } else {
      issues.push({ line: line.number, message: `表格章节中无法识别的内容：“${trimmed}”` });
    }
  }
  readFront();

  for (const section of format.sections) {
    if (!seen.has(section.key)) {
      issues.push({ line: 0, message: `缺少章节“${section.numeral}、${section.heading}”` });
    }
  }
  for (const section of narrativeSections(format)) {
    sections[section.key] = (narrative[section.key] ?? []).join("\n");
  }
  for (const section of format.sections) {
    if (section.kind === "table") readTable(format, section, tableLines[section.key] ?? [], values, findings);
  }
  if (!signedOn) issues.push({ line: 0, message: "未找到落款日期（应在全文末尾，如“2024年1月24日”）" });
  else if (!signatureLine) issues.push({ line: 0, message: "未识别出落款单位（应在落款日期上一行）" });

  const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line;
  notes.sort(byLine);
  guessed.sort(byLine);
  return { title, preamble, sections, values, signatureLine, signedOn, issues, notes, guessed, headingsFound: [...seen] };
}
