// The report the narrative tests start from: 雷官镇's, for 2024, with the
// real 2023 sample's sections at hand as last year's (or this year's) text.
import { emptyValues, format2021, type RuleInput } from "@/lib/report-format";
import { leiguanOther, leiguanOverview, leiguanProblems } from "../fixtures/leiguan-2023.expected";

export const sample = { overview: leiguanOverview, problems: leiguanProblems, other: leiguanOther };

export function input(sections: Record<string, string>, overrides: Partial<RuleInput> = {}): RuleInput {
  return {
    format: format2021,
    organization: { name: "来安县雷官镇人民政府", kind: "TOWNSHIP" },
    year: 2024,
    title: "来安县雷官镇人民政府2024年政府信息公开工作年度报告",
    signedOn: "2025-01-20",
    values: emptyValues(format2021),
    sections,
    ...overrides,
  };
}
