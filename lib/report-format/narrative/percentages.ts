// A share quoted beside its part and whole ("共受理申请128件，其中予以公开100件，
// 占78.1%") must be that part of that whole, to the precision shown. Only
// sentences whose shape leaves no doubt are read: a whole, then one part
// right before each percentage. Anything else is left alone.
import { makeFinding, type Finding, type RuleInput } from "../findings";
import { NUMBER_PATTERN, decimalsOf, parseNumber } from "./chinese-numbers";
import { clausesOf, sentencesOfSections } from "./figures";
import { regex, textKey } from "./text";

interface Token {
  type: "figure" | "percent";
  value: number;
  text: string;
  unit: string;
  start: number;
  end: number;
}

function tokensOf(sentence: string, units: readonly string[]): Token[] {
  const figures = regex(`(${NUMBER_PATTERN})\\s*(${units.join("|")})`, "g");
  const percents = /([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]/g;
  const read = (m: RegExpMatchArray, type: Token["type"]): Token[] => {
    const value = parseNumber(m[1] ?? "");
    if (value === null || m.index === undefined) return [];
    return [{ type, value, text: m[1] ?? "", unit: m[2] ?? "%", start: m.index, end: m.index + m[0].length }];
  };
  return [
    ...[...sentence.matchAll(figures)].flatMap((m) => read(m, "figure")),
    ...[...sentence.matchAll(percents)].flatMap((m) => read(m, "percent")),
  ].sort((a, b) => a.start - b.start);
}

export function checkPercentages(input: RuleInput): Finding[] {
  if (!input.sections) return [];
  const rules = input.format.narrative.figures.percentages;
  const share = regex(rules.share);
  const findings: Finding[] = [];
  for (const { section, sentence } of sentencesOfSections(input.sections)) {
    const text = sentence.text;
    if (regex(rules.sentenceExcludes).test(text)) continue;
    const tokens = tokensOf(text, rules.units);
    const [whole, ...rest] = tokens;
    // Shape: whole, then (part, percentage) pairs; nothing else.
    if (!whole || whole.type !== "figure" || rest.length === 0 || rest.length % 2 !== 0) continue;
    const pairs: [Token, Token][] = [];
    for (let i = 0; i < rest.length; i += 2) pairs.push([rest[i]!, rest[i + 1]!]);
    if (pairs.some(([part, pct]) => part.type !== "figure" || pct.type !== "percent" || part.unit !== whole.unit)) continue;

    const clauses = clausesOf(text);
    const clauseAt = (offset: number) => clauses.find((c) => offset >= c.start && offset < c.start + c.text.length);
    // Each percentage is a share: "占78.1%", not "办结率100%" (also kept out by sentenceExcludes).
    const isShare = (pct: Token) => {
      const clause = clauseAt(pct.start);
      return clause !== undefined && share.test(clause.text.slice(0, pct.start - clause.start));
    };
    if (!pairs.every(([, pct]) => isShare(pct))) continue;
    // The first figure is the whole only when it reads as one ("共受理…128件"), or the parts follow "其中".
    const firstPart = pairs[0]![0];
    const broken = regex(rules.breakdown).test(text.slice(whole.end, firstPart.start));
    const wholeClause = clauseAt(whole.start);
    const totalled =
      wholeClause !== undefined && regex(rules.whole).test(wholeClause.text.slice(0, whole.start - wholeClause.start));
    if (!(broken || (totalled && pairs.length === 1))) continue;
    if (whole.value <= 0 || pairs.some(([part]) => part.value > whole.value)) continue;

    pairs.forEach(([part, pct], index) => {
      const decimals = decimalsOf(pct.text);
      const computed = (part.value / whole.value) * 100;
      if (Math.abs(computed - pct.value) <= 0.5 * 10 ** -decimals + 1e-9) return;
      const detail = `正文“${text}”中${part.text}${part.unit}占${whole.text}${whole.unit}应为${computed.toFixed(Math.max(decimals, 1))}%，写作${pct.text}%`;
      findings.push(
        makeFinding(input.format, "percentage", detail, {
          section,
          key: `${textKey(text)}:percentage:${index + 1}`,
          quote: { text, mark: { start: pct.start, end: pct.end } },
        }),
      );
    });
  }
  return findings;
}
