import type { Finding, RuleInput } from "../findings";

export function checkStructure(_input: RuleInput): Finding[] {
  return [];
}
