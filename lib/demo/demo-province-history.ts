// Two years of reports for the demo province's units (来安县's own are in
// demo-history), so that the province's and the cities' boards show what they
// are for, on a day in December 2026: 2024 all published on time; 2025 (due
// 2026-01-31 for departments and townships, 2026-03-31 for governments)
// published on time, published late, submitted after the deadline, returned
// with a comment, drafts past the deadline, and units not started at all.
// 全椒县 is the late county: most of its units are late or have not started.
// Tables are the real 雷官镇 2023 report's × a scale that stays the same for a
// unit from year to year (so R6 and R7 hold, and no figure jumps); the
// narratives are each unit-year's own (demo-province-narratives).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ParsedReport } from "@/lib/import/parse-text-report";
import { seedDemoReports, type DemoHistoryReport } from "./demo-history";

/** Each unit's scale, the same every year. */
const scales: Record<string, number> = {
  anhui: 8,
  "anhui-caizheng": 3,
  "anhui-jiaoyu": 5,
  chuzhou: 6,
  "chuzhou-caizheng": 2,
  "chuzhou-shengtai": 7,
  quanjiao: 4,
  "quanjiao-xianghe": 2,
  "quanjiao-guhe": 1,
  "quanjiao-wugang": 3,
  "quanjiao-minzheng": 2,
  langya: 5,
  "langya-langya": 1,
  "langya-xijian": 2,
  "langya-caizheng": 1,
  huangshan: 5,
  "huangshan-caizheng": 2,
  yixian: 3,
  "yixian-hongcun": 2,
  "yixian-caizheng": 1,
};

type State = DemoHistoryReport["state"];
const on = (published: string): State => ({ published });

/** Units absent from a year have not started that year's report (chuzhou-ziran, quanjiao-guhe 2025 …). */
const plan: [slug: string, year: number, state: State, comment?: string][] = [
  ["anhui", 2024, on("2025-03-26")],
  ["anhui", 2025, on("2026-03-30")],
  ["anhui-caizheng", 2024, on("2025-01-23")],
  ["anhui-caizheng", 2025, on("2026-01-22")],
  ["anhui-jiaoyu", 2024, on("2025-01-27")],
  ["anhui-jiaoyu", 2025, on("2026-02-12")], // late
  ["chuzhou", 2024, on("2025-03-27")],
  ["chuzhou", 2025, "SUBMITTED"], // after its deadline
  ["chuzhou-caizheng", 2024, on("2025-01-21")],
  ["chuzhou-caizheng", 2025, on("2026-01-28")],
  ["chuzhou-shengtai", 2024, on("2025-01-24")],
  [
    "chuzhou-shengtai",
    2025,
    "RETURNED",
    "表二行政处罚决定数量请与执法公示栏目公布的处罚决定书逐件核对；第五部分的改进措施请写明完成时限，修改后重新提交。",
  ],
  ["quanjiao", 2024, on("2025-03-28")],
  ["quanjiao", 2025, "DRAFT"],
  ["quanjiao-xianghe", 2024, on("2025-01-22")],
  ["quanjiao-xianghe", 2025, on("2026-01-27")],
  ["quanjiao-guhe", 2024, on("2025-01-24")],
  ["quanjiao-wugang", 2024, on("2025-01-28")],
  ["quanjiao-wugang", 2025, "DRAFT"],
  ["quanjiao-minzheng", 2024, on("2025-01-20")],
  ["quanjiao-minzheng", 2025, "SUBMITTED"],
  ["langya", 2024, on("2025-03-21")],
  ["langya", 2025, on("2026-03-20")],
  ["langya-langya", 2024, on("2025-01-16")],
  ["langya-langya", 2025, on("2026-01-25")],
  ["langya-xijian", 2025, on("2026-01-29")],
  ["langya-caizheng", 2025, on("2026-02-05")], // late
  ["huangshan", 2024, on("2025-03-24")],
  ["huangshan", 2025, on("2026-03-27")],
  ["huangshan-caizheng", 2025, on("2026-01-30")],
  ["yixian", 2025, on("2026-03-26")],
  ["yixian-hongcun", 2025, on("2026-01-21")],
  ["yixian-caizheng", 2025, "DRAFT"],
];

export const demoProvinceReports: DemoHistoryReport[] = plan.map(([slug, year, state, comment]) => ({
  slug,
  year,
  state,
  scale: scales[slug]!,
  ...(comment ? { comment } : {}),
}));

/**
 * Idempotent like seedDemoHistory: a unit-year that already has a report is
 * left as it is. A returned report's comment is the city's 主管部门's
 * (chuzhou-supervisor), or the given reviewer's when that account is missing.
 */
export async function seedDemoProvinceHistory(prisma: PrismaClient, sample: ParsedReport, reviewerAccountId: string) {
  const city = await prisma.account.findUnique({ where: { username: "chuzhou-supervisor" } });
  return seedDemoReports(prisma, sample, city?.id ?? reviewerAccountId, demoProvinceReports);
}
