import type { Finding, RuleInput } from "../findings";

export function checkStaleText(_input: RuleInput): Finding[] {
  return [];
}
