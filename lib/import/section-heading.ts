// Section headings as reports write them. The format prints "一、总体情况";
// reports also write "4、", "四.", the 2019 wording (改进措施), "（四）" with
// the heading's exact words, or reword a heading beyond recognition.
import type { ReportFormat, SectionDef } from "@/lib/report-format";
import { normaliseLabel } from "./table-layout";

export interface HeadingMatch {
  section: SectionDef;
  /**
   * exact: as the format prints it; variant: a known wording or numbering
   * other than the format's; numeral: only the numeral and the heading's first
   * words agree (a guess).
   */
  how: "exact" | "variant" | "numeral";
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const HEADING = /^([一二三四五六七八九十]|\d{1,2})\s*[、.．]\s*(.+)$/;
/** "（四）…": also how the sub-headings of section 一 are numbered, so only with a section's exact words. */
const BRACKETED = /^[（(]\s*([一二三四五六七八九十])\s*[）)]\s*(.+)$/;

function byText(format: ReportFormat, text: string): SectionDef | undefined {
  const wanted = normaliseLabel(text);
  return format.sections.find((s) => [s.heading, ...s.headingVariants].some((h) => normaliseLabel(h) === wanted));
}

function matched(section: SectionDef, line: string, how: "variant" | "numeral"): HeadingMatch {
  const exact = how === "variant" && normaliseLabel(line) === normaliseLabel(`${section.numeral}、${section.heading}`);
  return { section, how: exact ? "exact" : how };
}

/** Which section a line heads, and how sure that is; undefined when it heads none. */
export function readSectionHeading(format: ReportFormat, line: string): HeadingMatch | undefined {
  const trimmed = line.trim();
  const bracketed = BRACKETED.exec(trimmed);
  if (bracketed) {
    const [, numeral = "", rest = ""] = bracketed;
    const section = byText(format, rest);
    return section && section.numeral === numeral ? matched(section, trimmed, "variant") : undefined;
  }
  const match = HEADING.exec(trimmed);
  if (!match) return undefined;
  const [, numeral = "", rest = ""] = match;
  const section = byText(format, rest);
  if (section) return matched(section, trimmed, "variant");
  // A heading reworded beyond the known variants still counts when its
  // numeral names the section and it opens with the heading's first words.
  // Only with "、": "2.主动公开情况" is a numbered sub-item, not a section.
  if (!/^\s*\S+\s*、/.test(trimmed)) return undefined;
  const index = /\d/.test(numeral) ? Number(numeral) - 1 : NUMERALS.indexOf(numeral);
  const byNumber = format.sections[index];
  return byNumber && normaliseLabel(rest).startsWith(normaliseLabel(byNumber.heading).slice(0, 4))
    ? matched(byNumber, trimmed, "numeral")
    : undefined;
}

/** Which section a line heads, if it is a section heading. */
export function matchSectionHeading(format: ReportFormat, line: string): SectionDef | undefined {
  return readSectionHeading(format, line)?.section;
}
