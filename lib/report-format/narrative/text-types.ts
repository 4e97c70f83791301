// Data of the narrative text checks (stale year, 雷同, structure). Owned by
// those checks: every phrase, pattern and threshold they use lives in a
// format's instance of this shape (format-2021-text.ts), not in their code.

/** Phrases of the statutory template every report shares; they say nothing about the unit's year. */
export interface BoilerplateRules {
  /**
   * A sentence containing one of these is template text (the preamble, the
   * statistical period, where the report can be read, the 信息处理费 clause):
   * left out of 雷同 and of the unchanged-paragraph check.
   */
  sentenceMarkers: readonly string[];
}

export interface StaleYearRules {
  /** How many years before the report year count as stale (1 = last year only). */
  yearsBack: number;
  /**
   * What may stand before "YYYY年" at the start of a clause: an enumeration
   * ("一是", "1.", "（二）") or a label ending in a colon is still the start.
   * Anything else there (较, 与, 比, 截至, 自 …) makes the year a comparison or
   * a date, not the statement's time.
   */
  clauseLead: RegExp;
  /**
   * What must follow "YYYY年" for the year to be the statement's subject
   * time: "，", "全年", "我镇", "度，", "共" … Matched right after 年.
   */
  subjectAfterYear: RegExp;
  /** A sentence with one of these talks about the earlier year on purpose ("2023年度报告中提出的问题"). */
  legitimateContexts: readonly string[];
  /** An earlier paragraph is shown beside a stale one when this share of the paragraph is in it. */
  besideMinSimilarity: number;
}

export interface UnchangedParagraphRules {
  /**
   * Minimum length (characters, without whitespace, punctuation and template
   * sentences) of a paragraph for it to count: "无" or "本年度无其他需要报告的
   * 事项" may stay the same every year.
   */
  minLength: number;
}

export interface SimilarityRules {
  /** Length of the character shingles compared. */
  shingle: number;
  /** Sections shorter than this (normalised characters) are not compared. */
  minLength: number;
  /** Share of this section's shingles found in the other text at or above which the section is 雷同. */
  threshold: { previous: number; peer: number };
  /** "我镇", "本局" …: self-references, replaced like the unit's name so a 乡 copying a 镇 still matches. */
  selfReference: RegExp;
  /** Turning an organization's full name into the shorter names its text uses. */
  unitName: {
    /** Suffixes dropped from the full name ("人民政府"). */
    dropSuffixes: readonly string[];
    /** A leading county (or city, district) name, dropped too: "来安县雷官镇" → "雷官镇". */
    areaPrefix: RegExp;
    /** Suffixes of township names that the text sometimes leaves off ("雷官镇" → "雷官"). */
    placeSuffixes: readonly string[];
  };
  /** The shown matching passage is at least this long (normalised characters). */
  minPassage: number;
}

export interface ProblemsRules {
  /** The section of problems and measures (五、存在的主要问题及改进情况). */
  section: string;
  /** Words that name a problem (section 五 must have one). */
  problemWords: readonly string[];
  /** Words that name a measure (section 五 must have one). */
  measureWords: readonly string[];
  /** Words that report on last year's problems (expected when last year's 五 named some). */
  followupWords: readonly string[];
}

export interface StatisticalPeriodRules {
  /** Sections where the period is stated (the preamble is stored with 一、总体情况). */
  sections: readonly string[];
  /** A sentence states the period only when it has one of these words. */
  markers: readonly string[];
  /**
   * The period: groups 1–3 are the start's year, month, day; 4 (optional), 5
   * and 6 the end's year, month and day.
   */
  range: RegExp;
}

export interface SupersededDocument {
  /** Stable id, part of the finding's key. */
  id: string;
  /** How a citation of the document is written (variants of brackets and spacing included). */
  pattern: RegExp;
  /** Format versions in which citing it is stale; absent = all. */
  formats?: readonly string[];
  /** First report year in which citing it is stale; absent = all. */
  fromYear?: number;
  /** What it was superseded by, shown in the finding. */
  replacement: string;
}

export interface NarrativeTextRules {
  boilerplate: BoilerplateRules;
  staleYear: StaleYearRules;
  unchangedParagraph: UnchangedParagraphRules;
  similarity: SimilarityRules;
  problems: ProblemsRules;
  statisticalPeriod: StatisticalPeriodRules;
  superseded: readonly SupersededDocument[];
}
