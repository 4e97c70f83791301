import type { Finding, RuleInput } from "../findings";

export function checkNarrativeFigures(_input: RuleInput): Finding[] {
  return [];
}
