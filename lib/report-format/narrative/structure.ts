// What the format asks of the narrative sections besides their figures: none
// left empty, section 五 naming problems and measures (and last year's
// problems' follow-up), the statistical period of the report year, and no
// citation of superseded documents.
import { makeFinding, type Finding, type RuleInput } from "../findings";
import { narrativeSections, sectionHeading } from "../sections";
import { paragraphsOf, sentencesOf, textKey } from "./text";
import type { NarrativeTextRules, SupersededDocument } from "./text-types";

const brief = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max)}…` : text);
const hasAny = (text: string, words: readonly string[]) => words.some((word) => text.includes(word));

/** Each sentence of a section's paragraphs, with a key stable for the same paragraph text. */
function sentencesOfSection(text: string): { text: string; key: string }[] {
  return paragraphsOf(text)
    .filter((p) => p.kind === "paragraph")
    .flatMap((p) => sentencesOf(p.text).map((s, index) => ({ text: s.text, key: `${textKey(p.text)}.${index}` })));
}

/** The format has six sections; the tables always exist, so the three narrative ones must have text ("无" will do). */
function checkEmptySections({ format, sections = {} }: RuleInput): Finding[] {
  return narrativeSections(format)
    .filter((section) => !(sections[section.key] ?? "").trim())
    .map((section) =>
      makeFinding(format, "section-empty", `“${sectionHeading(section)}”没有内容`, { section: section.key }),
    );
}

function checkProblems({ format, sections = {}, previousSections }: RuleInput): Finding[] {
  const rules = format.narrative.text.problems;
  const text = sections[rules.section] ?? "";
  if (!text.trim()) return [];
  const found: Finding[] = [];
  if (!hasAny(text, rules.problemWords)) {
    found.push(
      makeFinding(format, "problems-measures", "未写明存在的问题", { section: rules.section, key: "problems" }),
    );
  }
  if (!hasAny(text, rules.measureWords)) {
    found.push(
      makeFinding(format, "problems-measures", "未写明改进措施", { section: rules.section, key: "measures" }),
    );
  }
  // Last year's problems: the sentence that named one is shown beside.
  const named = sentencesOfSection(previousSections?.[rules.section] ?? "").find((s) =>
    hasAny(s.text, rules.problemWords),
  );
  if (named && !hasAny(text, rules.followupWords)) {
    found.push(
      makeFinding(format, "problems-followup", `上一年度报告写有“${brief(named.text.trim())}”，本年度未说明整改情况`, {
        section: rules.section,
        beside: { label: "上一年度报告", text: named.text.trim() },
      }),
    );
  }
  return found;
}

/** The statistical period, where a sentence states one: 1月1日 to 12月31日 of the report year. */
function checkStatisticalPeriod({ format, sections = {}, year }: RuleInput): Finding[] {
  const rules = format.narrative.text.statisticalPeriod;
  return rules.sections.flatMap((key) =>
    sentencesOfSection(sections[key] ?? "").flatMap((sentence) => {
      if (!hasAny(sentence.text, rules.markers)) return [];
      const match = rules.range.exec(sentence.text);
      if (!match) return [];
      const [, fromYear, fromMonth, fromDay, toYear, toMonth, toDay] = match.map(Number);
      const endYear = match[4] === undefined ? fromYear : toYear;
      const right =
        fromYear === year && fromMonth === 1 && fromDay === 1 && endYear === year && toMonth === 12 && toDay === 31;
      if (right) return [];
      return [
        makeFinding(
          format,
          "statistical-period",
          `写的是“${match[0]}”，应为${year}年1月1日至${year}年12月31日`,
          {
            section: key,
            key: sentence.key,
            quote: { text: sentence.text, mark: { start: match.index, end: match.index + match[0].length } },
          },
        ),
      ];
    }),
  );
}

const applies = (doc: SupersededDocument, version: string, year: number) =>
  (!doc.formats || doc.formats.includes(version)) && (doc.fromYear === undefined || year >= doc.fromYear);

function checkSuperseded({ format, sections = {}, year }: RuleInput): Finding[] {
  const rules: NarrativeTextRules = format.narrative.text;
  const documents = rules.superseded.filter((doc) => applies(doc, format.version, year));
  if (documents.length === 0) return [];
  return narrativeSections(format).flatMap((section) =>
    sentencesOfSection(sections[section.key] ?? "").flatMap((sentence) =>
      documents.flatMap((doc) => {
        const match = doc.pattern.exec(sentence.text);
        if (!match) return [];
        return [
          makeFinding(format, "superseded-citation", `“${match[0]}”已被${doc.replacement}取代`, {
            section: section.key,
            key: `${doc.id}.${sentence.key}`,
            quote: { text: sentence.text, mark: { start: match.index, end: match.index + match[0].length } },
          }),
        ];
      }),
    ),
  );
}

export function checkStructure(input: RuleInput): Finding[] {
  if (!input.sections) return [];
  return [
    ...checkEmptySections(input),
    ...checkProblems(input),
    ...checkStatisticalPeriod(input),
    ...checkSuperseded(input),
  ];
}
