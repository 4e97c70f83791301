// What the bench's reports say: a set of report contents, each one that the
// submit step would accept — every cell filled, the totals computed as the
// editor computes them (withComputedTotals), 申请数 balanced (R1), a
// narrative in all four text parts — and checked here with the rule engine,
// so a template with a blocking error stops the load instead of publishing
// what the product would refuse. Each revision of each unit takes one
// template; texts name the unit and the year through {unit}, {year} and
// {next}, filled in by the loader. Units that draw the same template in one
// county read alike, so the 雷同 check has something to find, as it does in
// real provinces.
import {
  cellKey,
  checkTablesAndFields,
  formatCells,
  textParts,
  withComputedTotals,
  type CellValue,
  type ReportFormat,
} from "@/lib/report-format";

export const TEMPLATES = 64;

export interface ReportTemplate {
  values: Record<string, CellValue>;
  /** Text part key → text with {unit}, {year}, {next} left to fill. */
  sections: Record<string, string>;
}

/** A small deterministic generator (mulberry32): the same templates on every load. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPLICANTS = ["natural", "business", "research", "publicInterest", "legal", "otherOrg"] as const;

function templateValues(format: ReportFormat, random: () => number): Record<string, CellValue> {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const values: Record<string, CellValue> = {};
  for (const cell of formatCells(format)) if (!cell.sum) values[cell.key] = 0;
  const size = 1 + int(3); // a township's few applications to a busy department's many
  // Table 二: 规章 are only a province's or a city's (R11), so none here.
  values[cellKey("active", "normative", "issued")] = int(4 * size);
  values[cellKey("active", "normative", "repealed")] = int(2);
  values[cellKey("active", "normative", "inForce")] = 10 + int(30 * size);
  values[cellKey("active", "license", "decisions")] = int(60 * size);
  values[cellKey("active", "penalty", "decisions")] = int(25 * size);
  values[cellKey("active", "enforcement", "decisions")] = int(4);
  values[cellKey("active", "fee", "amount")] = 0;
  // Table 三: outcomes by applicant, then what was received so that 一 + 二 = 三 + 四 (R1).
  const outcomeShare: [string, number][] = [
    ["granted", 6], ["partial", 2], ["denyThirdParty", 1], ["denyProcessInfo", 1], ["unableNotHeld", 3], ["unableNeedsCreation", 1],
    ["rejectDuplicate", 1], ["rejectPetition", 1], ["otherOther", 1],
  ];
  for (const applicant of APPLICANTS) {
    const busy = applicant === "natural" ? 3 * size : applicant === "business" ? size : random() < 0.3 ? 1 : 0;
    for (const [row, weight] of outcomeShare) values[cellKey("applications", row, applicant)] = int(weight * busy);
    values[cellKey("applications", "carriedOver", applicant)] = int(busy > 1 ? 2 : 0);
    values[cellKey("applications", "carriedForward", applicant)] = int(busy > 1 ? 2 : 0);
  }
  let computed = withComputedTotals(format, values);
  for (const applicant of APPLICANTS) {
    const outcome = computed[cellKey("applications", "outcomeTotal", applicant)] ?? 0;
    const forward = values[cellKey("applications", "carriedForward", applicant)] ?? 0;
    const over = Math.min(values[cellKey("applications", "carriedOver", applicant)] ?? 0, outcome + forward);
    values[cellKey("applications", "carriedOver", applicant)] = over;
    values[cellKey("applications", "received", applicant)] = outcome + forward - over;
  }
  // Table 四: a few reviews and suits, most upheld.
  for (const row of ["review", "litigationDirect", "litigationAfterReview"]) {
    values[cellKey("appeals", row, "upheld")] = int(row === "review" ? 3 : 1);
    values[cellKey("appeals", row, "corrected")] = random() < 0.2 ? 1 : 0;
    values[cellKey("appeals", row, "pending")] = int(1);
  }
  computed = withComputedTotals(format, values);
  return computed;
}

const pick = <T>(random: () => number, from: readonly T[]): T => from[Math.floor(random() * from.length)]!;

const ACTIVE = [
  "{year}年，{unit}围绕中心工作，通过政府网站信息公开专栏主动公开各类政府信息，及时发布政策文件、工作动态和通知公告。",
  "{year}年，{unit}坚持以公开为常态、不公开为例外，按照本机关政府信息公开目录及时、准确发布各类信息。",
  "{year}年，{unit}聚焦群众关切，重点公开财政预决算、重大建设项目、公共资源配置和社会公益事业建设等领域信息。",
  "{year}年，{unit}严格落实政府信息公开审查制度，主动公开的信息均经过保密审查和发布审核。",
];
const APPLICATION = [
  "本年度共新收政府信息公开申请{received}件，上年结转{carriedOver}件，结转下年度继续办理{carriedForward}件。",
  "{year}年新收政府信息公开申请{received}件，均在法定期限内答复，结转下年度继续办理{carriedForward}件。",
];
const LICENSES = [
  "全年在“双公示”栏目公开行政许可决定{license}件、行政处罚决定{penalty}件。",
  "本年度公开行政许可处理决定{license}件，行政处罚处理决定{penalty}件，行政强制处理决定{enforcement}件。",
];
const MANAGEMENT = [
  "对历年发布的信息开展全面排查，撤下过期失效信息，涉及个人信息的内容一律去标识化处理后再发布。",
  "建立政府信息公开保密审查机制，明确审查责任人，全年未发生泄密和侵犯个人隐私的情况。",
  "规范政府信息公开目录，按照统一的栏目设置归集各类信息，做到应公开尽公开。",
];
const PLATFORM = [
  "以政府网站信息公开专栏为第一平台，同步通过政务新媒体推送惠民政策，方便群众查阅。",
  "优化政府网站栏目设置，完善站内搜索功能，提升信息查找的便利程度。",
  "在政务服务大厅设置政府信息公开查阅点，为群众提供现场查阅服务。",
];
const SUPERVISION = [
  "将政务公开工作纳入年度目标考核，年内组织业务培训两次，本年度未发生政务公开责任追究情况。",
  "主要负责同志定期听取政务公开工作汇报，研究解决工作中的问题，确保各项任务落实到位。",
];
const PROBLEMS = [
  "一是部分信息更新不够及时，个别栏目存在内容滞后的情况。",
  "一是政策解读形式较为单一，以文字解读为主，图表、视频等形式运用较少。",
  "一是工作人员业务水平有待提高，对政府信息公开条例的理解还不够深入。",
  "二是依申请公开答复的规范性有待加强，答复文书格式不够统一。",
  "二是基层公开平台建设相对薄弱，公开内容的针对性不强。",
];
const MEASURES = [
  "下一步，将建立信息更新台账，明确各栏目的更新时限和责任人，定期开展检查。",
  "下一步，将丰富政策解读形式，推出图解、问答等解读产品，提升解读的可读性。",
  "下一步，将加强业务培训，组织工作人员系统学习政府信息公开条例，提升依法公开的能力。",
];
const OTHER = [
  "本年度未收取信息处理费。",
  "本年度未收取信息处理费。全年办理人大代表建议和政协提案若干件，均按期办结并公开答复内容。",
  "本年度未收取信息处理费，无其他需要报告的事项。",
];

function templateSections(format: ReportFormat, values: Readonly<Record<string, CellValue>>, random: () => number): Record<string, string> {
  const figure = (text: string) =>
    text
      .replaceAll("{received}", String(values[cellKey("applications", "received", "total")]))
      .replaceAll("{carriedOver}", String(values[cellKey("applications", "carriedOver", "total")]))
      .replaceAll("{carriedForward}", String(values[cellKey("applications", "carriedForward", "total")]))
      .replaceAll("{license}", String(values[cellKey("active", "license", "decisions")]))
      .replaceAll("{penalty}", String(values[cellKey("active", "penalty", "decisions")]))
      .replaceAll("{enforcement}", String(values[cellKey("active", "enforcement", "decisions")]));
  const byKey: Record<string, string> = {
    preamble:
      "根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求，现将{unit}{year}年度政府信息公开工作情况报告如下。" +
      "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有任何疑问，请与本机关政务公开工作机构联系。",
    overview: [
      "（一）主动公开", pick(random, ACTIVE), figure(pick(random, LICENSES)),
      "（二）依申请公开", figure(pick(random, APPLICATION)),
      "（三）政府信息管理", pick(random, MANAGEMENT),
      "（四）政府信息公开平台建设", pick(random, PLATFORM),
      "（五）监督保障", pick(random, SUPERVISION),
    ].join("\n"),
    problems: ["（一）存在的问题", pick(random, PROBLEMS.slice(0, 3)), pick(random, PROBLEMS.slice(3)), "（二）改进措施", pick(random, MEASURES)].join("\n"),
    other: pick(random, OTHER),
  };
  return Object.fromEntries(textParts(format).map((part) => [part.key, byKey[part.key] ?? "无"]));
}

/** The templates of one format, each checked: none may carry a blocking error. */
export function reportTemplates(format: ReportFormat): ReportTemplate[] {
  return Array.from({ length: TEMPLATES }, (_, t) => {
    const random = seededRandom(1_000 + t);
    const values = templateValues(format, random);
    const errors = checkTablesAndFields({
      format,
      organization: { name: "某县人民政府", kind: "COUNTY_GOVERNMENT" },
      year: 2025,
      title: format.titlePattern("某县人民政府", 2025),
      signedOn: "2026-01-20",
      values,
    }).filter((f) => f.severity === "error");
    if (errors.length > 0) throw new Error(`bench template ${t} would be refused: ${errors.map((e) => e.message).join("; ")}`);
    return { values, sections: templateSections(format, values, random) };
  });
}
