import type { Finding, RuleInput } from "../findings";

export function checkPercentages(_input: RuleInput): Finding[] {
  return [];
}
