// Reads the plain-text export of a report (as a word processor saves it: one
// table cell per line indented with a tab, blank lines between rows) into a
// structured report. Everything the parser cannot place is returned as an
// issue with its line number; nothing is dropped silently.
import {
  emptyValues,
  narrativeSections,
  parseCellInput,
  formatCells,
  type CellValue,
  type NarrativeSectionKey,
  type ReportFormat,
  type SectionDef,
  type TableSection,
} from "@/lib/report-format";
import { importLayout, normaliseLabel, type ImportRow } from "./table-layout";

export interface ImportIssue {
  /** 1-based line number in the source text. */
  line: number;
  message: string;
}

export interface ParsedReport {
  title: string;
  sections: Record<NarrativeSectionKey, string>;
  values: Record<string, CellValue>;
  signatureLine: string;
  /** YYYY-MM-DD */
  signedOn: string | null;
  issues: ImportIssue[];
}

interface Line {
  number: number;
  text: string;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const HEADING = /^([一二三四五六七八九十]|\d{1,2})\s*[、.．]\s*(.+)$/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
/** Units clerks type after a number: 58（件）, 3 件, 26.55万元. */
const UNIT_SUFFIX = /[（(]?\s*(件|个|条|项|万元|元)\s*[）)]?$/;

/** Which section a line heads, if it is a section heading. */
export function matchSectionHeading(format: ReportFormat, line: string): SectionDef | undefined {
  const match = HEADING.exec(line.trim());
  if (!match) return undefined;
  const [, numeral = "", rest = ""] = match;
  const text = normaliseLabel(rest);
  const byText = format.sections.find((s) =>
    [s.heading, ...s.headingVariants].some((h) => normaliseLabel(h) === text),
  );
  if (byText) return byText;
  // A heading reworded beyond the known variants still counts when its
  // numeral names the section and it opens with the heading's first words.
  // Only with "、": "2.主动公开情况" is a numbered sub-item, not a section.
  if (!/^\s*\S+\s*、/.test(line)) return undefined;
  const index = /\d/.test(numeral) ? Number(numeral) - 1 : NUMERALS.indexOf(numeral);
  const byNumber = format.sections[index];
  return byNumber && text.startsWith(normaliseLabel(byNumber.heading).slice(0, 4)) ? byNumber : undefined;
}

function parseDate(text: string): string | null {
  const match = DATE_LINE.exec(text.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  // Reject dates that do not exist (2024年13月1日, 2023年2月30日).
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A signature line stands apart: indented, or naming an office. */
function looksLikeSignature(raw: string): boolean {
  const text = raw.trim();
  if (text.length === 0 || text.length > 40 || /[。；：]$/.test(text)) return false;
  return /^[ \u3000]{4,}/.test(raw) || /(政府|办事处|委员会|局|办公室|中心)$/.test(text);
}

export function parseTextReport(source: string, format: ReportFormat): ParsedReport {
  const lines: Line[] = source.split(/\r\n?|\n/).map((text, i) => ({ number: i + 1, text }));
  const issues: ImportIssue[] = [];
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
  if (last && parseDate(last.text)) {
    signedOn = parseDate(last.text);
    end = last.number - 1;
    const before = content[content.length - 2];
    if (before && looksLikeSignature(before.text)) {
      signatureLine = before.text.trim();
      end = before.number - 1;
    }
  }

  let title = "";
  let current: SectionDef | undefined;
  const seen = new Set<string>();
  const narrative: Record<string, string[]> = {};
  const tableLines: Record<string, Line[]> = {};

  for (const line of lines.slice(0, end)) {
    const trimmed = line.text.trim();
    if (trimmed === "") continue;
    const isCell = line.text.startsWith("\t");
    const heading = isCell ? undefined : matchSectionHeading(format, trimmed);
    if (heading) {
      if (seen.has(heading.key)) issues.push({ line: line.number, message: `重复的章节标题“${trimmed}”` });
      seen.add(heading.key);
      current = heading;
      continue;
    }
    if (!current) {
      if (!title && !isCell) title = trimmed;
      else issues.push({ line: line.number, message: `标题之后、第一个章节之前的内容无法归入章节：“${trimmed}”` });
      continue;
    }
    if (current.kind === "narrative") {
      if (isCell) issues.push({ line: line.number, message: `叙述章节中出现表格单元格：“${trimmed}”` });
      else (narrative[current.key] ??= []).push(trimmed);
    } else if (isCell) {
      (tableLines[current.key] ??= []).push({ number: line.number, text: trimmed });
    } else {
      issues.push({ line: line.number, message: `表格章节中无法识别的内容：“${trimmed}”` });
    }
  }

  for (const section of format.sections) {
    if (!seen.has(section.key)) {
      issues.push({ line: 0, message: `缺少章节“${section.numeral}、${section.heading}”` });
    }
  }
  for (const section of narrativeSections(format)) {
    sections[section.key] = (narrative[section.key] ?? []).join("\n");
  }
  for (const section of format.sections) {
    if (section.kind === "table") readTable(format, section, tableLines[section.key] ?? [], values, issues);
  }
  if (!signedOn) issues.push({ line: 0, message: "未找到落款日期（应在全文末尾，如“2024年1月24日”）" });
  else if (!signatureLine) issues.push({ line: 0, message: "未识别出落款单位（应在落款日期上一行）" });

  return { title, sections, values, signatureLine, signedOn, issues };
}

function readTable(
  format: ReportFormat,
  section: TableSection,
  cells: Line[],
  values: Record<string, CellValue>,
  issues: ImportIssue[],
): void {
  const layout = importLayout(format, section);
  const kinds = new Map(formatCells(format).map((c) => [c.key, c]));
  let row: ImportRow | undefined = layout.unlabelled;
  let filled = 0;
  const refused = new Set<string>();

  for (const cell of cells) {
    const label = normaliseLabel(cell.text);
    const nextRow = layout.rows.get(label);
    if (nextRow) {
      row = nextRow;
      filled = 0;
      continue;
    }
    if (layout.headers.has(label)) continue;
    const numeral = cell.text.replace(UNIT_SUFFIX, "").trim();
    if (!/^[-－\d０-９.．,，]+$/.test(numeral)) {
      issues.push({ line: cell.number, message: `“${section.numeral}、${section.heading}”中无法识别的单元格：“${cell.text}”` });
      continue;
    }
    const key = row?.cells[filled];
    const def = key ? kinds.get(key) : undefined;
    if (!key || !def) {
      issues.push({ line: cell.number, message: `数值“${cell.text}”不属于任何一行` });
      continue;
    }
    filled += 1;
    const parsed = parseCellInput(numeral.replace(/[,，]/g, ""), def.kind);
    if (parsed.ok) values[key] = parsed.value;
    else {
      refused.add(key);
      issues.push({ line: cell.number, message: `${def.name}：“${cell.text}”${parsed.message}` });
    }
  }

  for (const def of formatCells(format)) {
    if (def.table === section.table.key && values[def.key] === null && !refused.has(def.key)) {
      issues.push({ line: 0, message: `“${section.numeral}、${section.heading}”缺少数值：${def.name}` });
    }
  }
}
