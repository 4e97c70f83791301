// What stands before section 一: the title, in one line or split over two
// (the office's name on its own line above "2023年政府信息公开工作年度报告"),
// and the preamble (根据《中华人民共和国政府信息公开条例》…现将…报告如下。本报告中所列
// 数据的统计期限…). Anything else there is reported, not guessed at.
import type { ImportFindings } from "./import-issue";

export interface FrontLine {
  number: number;
  /** Trimmed, never empty. */
  text: string;
  isCell: boolean;
}

export interface FrontMatter {
  title: string;
  /** Paragraphs joined by "\n". */
  preamble: string;
}

const MAX_TITLE = 60;
const MAX_NAME_LINE = 30;
const SENTENCE_END = /[。！？：；，]$/;
const PUNCTUATION = /[。，、；：！？《》“”"]/;
/** A title that leaves the office's name out starts with the year. */
const STARTS_WITH_YEAR = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年/;
/** How an office's name ends (人民政府, 办事处, 委员会, 局, 办公室 …). */
const NAME_END = /(?:政府|办事处|委员会|局|办公室|中心|厅|署|院|街道|镇|乡)$/;

/** A title names 政府信息公开 and a report; real titles get the rest wrong ("工作报告", "年报"). */
function isTitle(text: string): boolean {
  const compact = text.replace(/[\s\u3000]/g, "");
  const report = compact.includes("年度报告") || /(?:报告|年报)$/.test(compact);
  return compact.length <= MAX_TITLE && compact.includes("政府信息公开") && report && !SENTENCE_END.test(compact);
}

function isNameLine(line: FrontLine | undefined): line is FrontLine {
  return !!line && !line.isCell && line.text.length <= MAX_NAME_LINE && !PUNCTUATION.test(line.text) && NAME_END.test(line.text);
}

/** A paragraph of running text: the preamble is written in sentences. */
function isProse(text: string): boolean {
  return /[。！？：；]$/.test(text) || (text.includes("。") && text.length >= 20);
}

/** Where the title is: its lines, first to last. */
function findTitle(lines: readonly FrontLine[]): { from: number; to: number } | undefined {
  const at = lines.findIndex((l) => !l.isCell && isTitle(l.text));
  if (at >= 0) {
    let from = at;
    // Up to two lines of the office's name above a title that starts with the year.
    if (STARTS_WITH_YEAR.test(lines[at]!.text)) while (from > 0 && at - from < 2 && isNameLine(lines[from - 1])) from -= 1;
    return { from, to: at };
  }
  // A title broken in the middle: two short lines that together, and only together, read as one.
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const [a, b] = [lines[i]!, lines[i + 1]!];
    if (a.isCell || b.isCell || PUNCTUATION.test(a.text) || PUNCTUATION.test(b.text)) continue;
    if (isTitle(a.text + b.text)) return { from: i, to: i + 1 };
  }
  const first = lines.findIndex((l) => !l.isCell && !isProse(l.text));
  return first >= 0 ? { from: first, to: first } : undefined;
}

export function readFrontMatter(lines: readonly FrontLine[], findings: ImportFindings): FrontMatter {
  const found = findTitle(lines);
  const titleLines = found ? lines.slice(found.from, found.to + 1) : [];
  const title = titleLines.map((l) => l.text).join("");
  if (titleLines.length > 1) {
    findings.notes.push({
      line: titleLines[0]!.number,
      message: `标题分为${titleLines.length}行（${titleLines.map((l) => `“${l.text}”`).join("")}），已合并为“${title}”`,
    });
  }
  const preamble: string[] = [];
  lines.forEach((line, i) => {
    if (found && i >= found.from && i <= found.to) return;
    if (found && i < found.from) {
      findings.issues.push({ line: line.number, message: `标题之前的内容无法归入章节：“${line.text}”` });
    } else if (!line.isCell && isProse(line.text)) {
      preamble.push(line.text);
    } else {
      findings.issues.push({ line: line.number, message: `标题之后、第一个章节之前的内容无法归入章节：“${line.text}”` });
    }
  });
  return { title, preamble: preamble.join("\n") };
}
