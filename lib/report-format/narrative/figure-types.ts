// Data of R8 (figures quoted in the narrative agree with the tables) and of
// the percentage check. A format says, as data, which phrases introduce which
// figure and which table cells (or catalog count) it must equal; the checks in
// figures.ts and percentages.ts know no phrase and no cell of their own.
// Patterns are regular-expression sources, matched without flags.

/** Units a figure may be written in. 元 is converted to 万元 before comparing with an amount. */
export type FigureUnit = "件" | "条" | "万元" | "元";

/** What a figure is compared with: the sum of table cells, or the unit's catalog count for the year. */
export type FigureSource = { cells: readonly string[] } | { catalog: "total" };

export interface FigureComparison {
  /** Chinese name of the compared value in messages, e.g. 表三“本年新收政府信息公开申请数量”总计. */
  label: string;
  source: FigureSource;
  /** Unit the compared value is counted in (an amount cell is in 万元). */
  unit: FigureUnit;
}

/** A figure stated as a number: "本年新收119件", "主动公开政府信息528条". */
export interface NumberFigure {
  /** Stable name of the figure, part of a finding's key. */
  kind: string;
  /** Phrases that introduce the figure; the number (then the unit) must follow directly. */
  phrases: readonly string[];
  /** Units the number may carry; any other unit means it is not this figure. */
  units: readonly FigureUnit[];
  /**
   * Values the figure may equal; it agrees when it equals any. The first is the
   * one named in the message, the others are readings the wording allows
   * ("共受理申请128件" may include those carried over from last year).
   */
  compare: readonly [FigureComparison, ...FigureComparison[]];
  /** The paragraph must match this, else the phrase is too loose to trust ("共办理120件" needs 申请 around it). */
  requires?: string;
  /** The clause up to the figure must not match this (a part, a channel, a result: "其中", "通过网站", "未办结"). */
  excludes?: string;
  /** The sentence must not match this (it mixes in other matters). */
  sentenceExcludes?: string;
}

/** A statement that there were none: "没有收到…申请", compared with the table being 0. */
export interface NoneStatement {
  kind: string;
  phrases: readonly string[];
  /** What the text says, in the message: "没有收到申请". */
  says: string;
  compare: FigureComparison;
  /** The clause up to the end of the phrase must not match this ("未收到法人或其他组织的申请" is about one column). */
  excludes?: string;
}

/** A share quoted beside its part and whole: "共受理申请128件，其中予以公开100件，占78.1%". */
export interface PercentageRules {
  /** Units of the counts a share may be taken of. */
  units: readonly FigureUnit[];
  /** The clause of a percentage must match this for it to be a share ("占", "占比", "比例"). */
  share: string;
  /** A sentence matching this speaks of rates or changes, not shares: left alone. */
  sentenceExcludes: string;
  /** The whole's clause names a total ("共", "合计") … */
  whole: string;
  /** … or the part follows a breakdown word ("其中"). Required when one whole has several parts. */
  breakdown: string;
}

export interface NarrativeFigureRules {
  /**
   * A clause matching any of these speaks of another year or of a change
   * ("同比增加12件", "上年度收到申请5件", "较2023年增长"), not of this year's figure.
   */
  skipClauses: readonly string[];
  /** Checked in order; a number taken by an earlier figure is not read again by a later one. */
  figures: readonly NumberFigure[];
  none: readonly NoneStatement[];
  percentages: PercentageRules;
}
