// Text left over from last year's report: a sentence that states last year as
// if it were the report year ("2023年，我镇……" in the 2024 report), and a
// paragraph copied unchanged from the unit's previous report.
import { makeFinding, type Finding, type RuleInput } from "../findings";
import { narrativeSections } from "../sections";
import { comparableText, sectionSimilarity } from "./similarity";
import { normaliseText, paragraphsOf, sentencesOf, textKey, type Paragraph } from "./text";
import type { NarrativeTextRules } from "./text-types";

const brief = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Where a stale year stands in a sentence: its offsets and the year. */
export interface StaleYear {
  year: number;
  start: number;
  end: number;
}

/**
 * The first earlier year the sentence states as its own time: "YYYY年" at the
 * start of the sentence or of a clause, followed by what makes it the subject
 * time ("，", "我镇", "全年" …). Comparisons and dates — "较2023年", "截至2023年
 * 底", "2023年12月", "2023年度报告中提出的问题" — are not; precision over recall.
 */
export function findStaleYear(sentence: string, reportYear: number, rules: NarrativeTextRules): StaleYear | null {
  const { yearsBack, clauseLead, subjectAfterYear, legitimateContexts } = rules.staleYear;
  if (legitimateContexts.some((context) => sentence.includes(context))) return null;
  for (const match of sentence.matchAll(/(\d{4})年/g)) {
    const year = Number(match[1]);
    if (year >= reportYear || year < reportYear - yearsBack) continue;
    const clauseStart = Math.max(...[..."，,；;：:"].map((mark) => sentence.lastIndexOf(mark, match.index - 1))) + 1;
    const lead = sentence.slice(clauseStart, match.index).trim();
    const after = sentence.slice(match.index + match[0].length);
    if (clauseLead.test(lead) && subjectAfterYear.test(after)) {
      return { year, start: match.index, end: match.index + match[0].length };
    }
  }
  return null;
}

/** Paragraphs of all sections of a report, sub-headings left out. */
function paragraphsOfReport(sections: Readonly<Record<string, string>>): Paragraph[] {
  return Object.values(sections).flatMap((text) => paragraphsOf(text).filter((p) => p.kind === "paragraph"));
}

/** Characters that say something of the unit's own: no template sentences, punctuation or whitespace. */
function ownLength(paragraph: string, rules: NarrativeTextRules): number {
  return comparableText(paragraph, [], rules).codes.length;
}

/** The earlier paragraph most like this one, when it is like enough to show beside. */
function likeEarlier(paragraph: string, earlier: readonly Paragraph[], rules: NarrativeTextRules): string | null {
  let best: { text: string; score: number } | null = null;
  for (const candidate of earlier) {
    const { score } = sectionSimilarity(paragraph, candidate.text, { rules: shortTextRules(rules) });
    if (score > (best?.score ?? 0)) best = { text: candidate.text, score };
  }
  return best && best.score >= rules.staleYear.besideMinSimilarity ? best.text : null;
}

const shortRules = new WeakMap<NarrativeTextRules, NarrativeTextRules>();

/** A paragraph is far shorter than a section: compare it whatever its length (one object per rules, so prepared texts are reused). */
function shortTextRules(rules: NarrativeTextRules): NarrativeTextRules {
  let short = shortRules.get(rules);
  if (!short) shortRules.set(rules, (short = { ...rules, similarity: { ...rules.similarity, minLength: 1 } }));
  return short;
}

export function checkStaleText(input: RuleInput): Finding[] {
  const { format, sections, previousSections, year } = input;
  if (!sections) return [];
  const rules = format.narrative.text;
  const earlier = previousSections ? paragraphsOfReport(previousSections) : [];
  const earlierByText = new Map(earlier.map((p) => [normaliseText(p.text), p.text]));

  return narrativeSections(format).flatMap((section) =>
    paragraphsOf(sections[section.key] ?? "")
      .filter((p) => p.kind === "paragraph")
      .flatMap((paragraph) => {
        const found: Finding[] = [];
        const key = textKey(paragraph.text);

        const unchanged = earlierByText.get(normaliseText(paragraph.text));
        if (unchanged !== undefined && ownLength(paragraph.text, rules) >= rules.unchangedParagraph.minLength) {
          found.push(
            makeFinding(format, "unchanged-paragraph", `“${brief(paragraph.text)}”`, {
              section: section.key,
              key,
              quote: { text: paragraph.text },
              beside: { label: "上一年度报告", text: unchanged },
            }),
          );
        }

        // One finding per stale sentence; its position in the paragraph keeps the key stable.
        sentencesOf(paragraph.text).forEach((sentence, index) => {
          const stale = findStaleYear(sentence.text, year, rules);
          if (!stale) return;
          const beside = unchanged ?? likeEarlier(paragraph.text, earlier, rules);
          found.push(
            makeFinding(
              format,
              "stale-year",
              `“${brief(sentence.text.trim())}”写的是${stale.year}年，本报告为${year}年度`,
              {
                section: section.key,
                key: `${key}.${index}`,
                quote: { text: sentence.text, mark: { start: stale.start, end: stale.end } },
                beside: beside ? { label: "上一年度报告", text: beside } : undefined,
              },
            ),
          );
        });
        return found;
      }),
  );
}
