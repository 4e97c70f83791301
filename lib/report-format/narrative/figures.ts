// R8: figures the narrative states (applications received, handled, carried;
// 复议 and 诉讼; items disclosed; 行政许可/处罚/强制; the fee) agree with the
// tables. Which phrase means which figure is the format's data
// (format.narrative.figures); this file only reads sentences against it.
// Precision over recall: a number counts only when a phrase of the data is
// followed directly by it and its unit, in a clause that is about this year.
import { makeFinding, type Finding, type RuleInput } from "../findings";
import { NUMBER_PATTERN, decimalsOf, parseNumber } from "./chinese-numbers";
import type { FigureComparison, FigureUnit, NarrativeFigureRules, NoneStatement, NumberFigure } from "./figure-types";
import { paragraphsOf, regex, sentencesOf, textKey, type Sentence } from "./text";

export interface Clause {
  text: string;
  /** Offset of the clause in its sentence. */
  start: number;
}

export interface SentenceAt {
  section: string;
  paragraph: string;
  sentence: Sentence;
}

/** Every sentence of every narrative paragraph given (sub-headings hold no figures). */
export function sentencesOfSections(sections: Readonly<Record<string, string>>): SentenceAt[] {
  return Object.entries(sections).flatMap(([section, text]) =>
    paragraphsOf(text)
      .filter((p) => p.kind === "paragraph")
      .flatMap((p) => sentencesOf(p.text).map((sentence) => ({ section, paragraph: p.text, sentence }))),
  );
}

/** Clauses end at ，；,; — except a comma between digits, a thousands separator. */
export function clausesOf(sentence: string): Clause[] {
  const pattern = /(?:[^，；;,]|(?<=[0-9０-９]),(?=[0-9０-９]{3}))+[，；;,]?/g;
  return [...sentence.matchAll(pattern)].map((m) => ({ text: m[0], start: m.index }));
}

const YEAR = /(\d{4})\s*年/g;

/**
 * Clauses about this year. A clause naming another year is skipped when the
 * sentence also names the report year ("2022年收到5件，2023年收到8件"). A
 * sentence naming only another year is still read: a report begun from last
 * year's text ("2023年，我镇没有收到…申请" in the 2024 report) states this year's
 * figures wrongly, which is what R8 is for.
 */
function clausesOfYear(sentence: string, year: number, rules: NarrativeFigureRules): Clause[] {
  const namesYear = [...sentence.matchAll(YEAR)].some((m) => Number(m[1]) === year);
  const skip = rules.skipClauses.map((p) => regex(p));
  let lastYear: number | null = null;
  return clausesOf(sentence).filter((clause) => {
    for (const m of clause.text.matchAll(YEAR)) lastYear = Number(m[1]);
    if (namesYear && lastYear !== null && lastYear !== year) return false;
    return !skip.some((p) => p.test(clause.text));
  });
}

/** The compared value: a sum of cells (null while any is empty), or the catalog's count. */
function valueOf(comparison: FigureComparison, input: RuleInput): number | null {
  const { source } = comparison;
  if ("catalog" in source) return input.catalog ? input.catalog.total : null;
  let sum = 0;
  for (const key of source.cells) {
    const value = input.values[key];
    if (value === null || value === undefined) return null;
    sum += value;
  }
  return sum;
}

const cellsOf = (comparisons: readonly FigureComparison[]) => [
  ...new Set(comparisons.flatMap((c) => ("cells" in c.source ? c.source.cells : []))),
];

/** A figure as stated, in the unit it is compared in; amounts agree to the precision shown. */
function agrees(stated: number, statedText: string, unit: FigureUnit, value: number, valueUnit: FigureUnit): boolean {
  const factor = unit === "元" && valueUnit === "万元" ? 1 / 10_000 : 1;
  const tolerance = valueUnit === "万元" ? 0.5 * 10 ** -decimalsOf(statedText) * factor : 0;
  return Math.abs(stated * factor - value) <= tolerance + 1e-9;
}

/** "未受理的申请2件" counts some; a statement of none has no number after it. */
const COUNT_FOLLOWS = new RegExp(`^\\s*(?:共计|共|为)?\\s*${NUMBER_PATTERN}`);

const unitPattern = (units: readonly string[]) => [...units].sort((a, b) => b.length - a.length).join("|");

/** One sentence being read: where it is, its clauses about this year, and the numbers already read. */
interface Reading {
  input: RuleInput;
  section: string;
  paragraph: string;
  sentence: string;
  clauses: Clause[];
  /** Offsets of numbers already read, so a later, looser phrase cannot read them again. */
  taken: Set<number>;
  /** Figures of each kind met so far: the same sentence and figure keep the same key, so an explanation stays attached. */
  seen: Map<string, number>;
}

function keyOf(reading: Reading, kind: string): string {
  const n = (reading.seen.get(kind) ?? 0) + 1;
  reading.seen.set(kind, n);
  return `${textKey(reading.sentence)}:${kind}${n > 1 ? `:${n}` : ""}`;
}

function finding(reading: Reading, key: string, detail: string, mark: { start: number; end: number }, cells: string[]) {
  return makeFinding(reading.input.format, "R8", `正文“${reading.sentence}”称${detail}`, {
    section: reading.section,
    key,
    quote: { text: reading.sentence, mark },
    cells,
  });
}

const compiledPhrases = new WeakMap<NumberFigure, RegExp[]>();

/** Each phrase followed by a number and one of the figure's units, compiled once per figure. */
function phrasePatterns(figure: NumberFigure): RegExp[] {
  let patterns = compiledPhrases.get(figure);
  if (!patterns) {
    const units = unitPattern(figure.units);
    patterns = figure.phrases.map((phrase) => new RegExp(`(?:${phrase})\\s*[:：]?\\s*(${NUMBER_PATTERN})\\s*(${units})`, "gd"));
    compiledPhrases.set(figure, patterns);
  }
  return patterns;
}

/** Numbers a figure's phrases introduce, compared with the figure's values. */
function readFigure(reading: Reading, figure: NumberFigure): Finding[] {
  if (figure.requires && !regex(figure.requires).test(reading.paragraph)) return [];
  if (figure.sentenceExcludes && regex(figure.sentenceExcludes).test(reading.sentence)) return [];
  const excludes = figure.excludes ? regex(figure.excludes) : null;
  const found: Finding[] = [];
  for (const pattern of phrasePatterns(figure)) {
    for (const clause of reading.clauses) {
      // Most clauses state no figure at all: without one of the units there is nothing to read.
      if (!figure.units.some((unit) => clause.text.includes(unit))) continue;
      for (const match of clause.text.matchAll(pattern)) {
        const [numberStart] = match.indices?.[1] ?? [];
        const [, numberText, unit] = match;
        if (numberStart === undefined || numberText === undefined || unit === undefined) continue;
        const at = clause.start + numberStart;
        if (reading.taken.has(at)) continue;
        // Taken even when excluded: a part ("其中按时办结115件") is no other figure either.
        reading.taken.add(at);
        const stated = parseNumber(numberText);
        if (stated === null || excludes?.test(clause.text.slice(0, numberStart))) continue;
        const key = keyOf(reading, figure.kind);
        const values = figure.compare.map((c) => valueOf(c, reading.input));
        if (values.some((v) => v === null)) continue;
        if (figure.compare.some((c, i) => agrees(stated, numberText, unit as FigureUnit, values[i]!, c.unit))) continue;
        const [main, ...others] = figure.compare;
        // Another reading is worth naming only when it gives another value.
        const alternatives = others
          .map((c, i) => (values[i + 1] === values[0] ? "" : `（${c.label}为${values[i + 1]}${c.unit}）`))
          .join("");
        const detail = `${match[0].trim()}，${main.label}为${values[0]}${main.unit}${alternatives}`;
        const end = clause.start + match.index + match[0].length;
        found.push(finding(reading, key, detail, { start: at, end }, cellsOf(figure.compare)));
      }
    }
  }
  return found;
}

/** "没有收到…申请" while the table has some. */
function readNone(reading: Reading, none: NoneStatement): Finding[] {
  const excludes = none.excludes ? regex(none.excludes) : null;
  const found: Finding[] = [];
  for (const phrase of none.phrases) {
    for (const clause of reading.clauses) {
      for (const match of clause.text.matchAll(regex(phrase, "g"))) {
        const end = match.index + match[0].length;
        if (excludes?.test(clause.text.slice(0, end)) || COUNT_FOLLOWS.test(clause.text.slice(end))) continue;
        const key = keyOf(reading, none.kind);
        const value = valueOf(none.compare, reading.input);
        if (value === null || value === 0) continue;
        const detail = `${none.says}，${none.compare.label}为${value}${none.compare.unit}`;
        const mark = { start: clause.start + match.index, end: clause.start + end };
        found.push(finding(reading, key, detail, mark, cellsOf([none.compare])));
      }
    }
  }
  return found;
}

export function checkNarrativeFigures(input: RuleInput): Finding[] {
  if (!input.sections) return [];
  const rules = input.format.narrative.figures;
  return sentencesOfSections(input.sections).flatMap(({ section, paragraph, sentence }) => {
    const reading: Reading = {
      input,
      section,
      paragraph,
      sentence: sentence.text,
      clauses: clausesOfYear(sentence.text, input.year, rules),
      taken: new Set(),
      seen: new Map(),
    };
    const found = [
      ...rules.figures.flatMap((figure) => readFigure(reading, figure)),
      ...rules.none.flatMap((none) => readNone(reading, none)),
    ];
    // In the order the sentence states them.
    return found.sort((a, b) => (a.quote?.mark?.start ?? 0) - (b.quote?.mark?.start ?? 0));
  });
}
