// R8 and the percentage check for the 2021 format (国办公开办函〔2021〕30号):
// which phrases of the narrative state which figure of tables 二–四, and which
// cells it must equal. Phrases are regular-expression sources; each is written
// narrowly, so that an unusual wording is left alone rather than misread.
import type { FigureComparison, NarrativeFigureRules } from "./narrative/figure-types";

const applications = (row: string, column = "total") => `applications.${row}.${column}`;
const orgColumns = ["business", "research", "publicInterest", "legal", "otherOrg"];
const outcomeRows = {
  deny: ["denyStateSecret", "denyLawProhibited", "denySafetyStability", "denyThirdParty", "denyInternalAffairs", "denyProcessInfo", "denyEnforcementFile", "denyQueryMatter"],
  unable: ["unableNotHeld", "unableNeedsCreation", "unableUnclear"],
  reject: ["rejectPetition", "rejectDuplicate", "rejectPublication", "rejectExcessive", "rejectReconfirm"],
};
const appeals = {
  review: "appeals.review.total",
  direct: "appeals.litigationDirect.total",
  afterReview: "appeals.litigationAfterReview.total",
};

/** "政府信息公开申请", "依申请公开的申请", "申请数", or nothing ("本年新收119件"). */
const APPLICATION = "(?:政府信息公开|信息公开|依申请公开)?(?:的)?(?:申请)?(?:数量|数)?";
/** Words that may stand between a phrase and its number. */
const THEN = "(?:共计|共|总计|合计|累计|为)?";

const count = (label: string, cells: readonly string[]): FigureComparison => ({ label, source: { cells }, unit: "件" });
const received = count("表三“本年新收政府信息公开申请数量”总计", [applications("received")]);
/** "共受理申请128件" may count last year's carried-over applications too (一 + 二). */
const receivedWithCarriedOver = count("加上年结转", [applications("received"), applications("carriedOver")]);
const allAppeals = count("表四行政复议、未经复议直接起诉、复议后起诉三项总计之和", [appeals.review, appeals.direct, appeals.afterReview]);
const fee: FigureComparison = {
  label: "表二“行政事业性收费 本年收费金额（单位：万元）”",
  source: { cells: ["active.fee.amount"] },
  unit: "万元",
};

/** An outcome figure of table 三 stands in the paragraph on applications and is not about 主动公开. */
const outcome = (kind: string, phrase: string, label: string, rows: readonly string[]) => ({
  kind,
  phrases: [`${phrase}(?:的)?(?:申请)?${THEN}`],
  units: ["件"] as const,
  compare: [count(label, rows.map((row) => applications(row)))] as const,
  requires: "申请",
  excludes: "主动",
});

/** An applicant figure is the split of the applications received; a sentence mixing in outcomes is ambiguous. */
const applicant = (kind: string, phrase: string, label: string, columns: readonly string[]) => ({
  kind,
  phrases: [`${phrase}(?:提出(?:的)?|提交(?:的)?)?(?:申请)?${THEN}`],
  units: ["件"] as const,
  compare: [
    count(`表三“本年新收政府信息公开申请数量”${label}`, columns.map((c) => applications("received", c))),
    count("加上年结转", columns.flatMap((c) => [applications("received", c), applications("carriedOver", c)])),
  ] as const,
  requires: "申请",
  sentenceExcludes: "予以公开|部分公开|不予|无法提供|办结|答复|复议|诉讼",
});

export const figures2021: NarrativeFigureRules = {
  skipClauses: [
    "同比|环比|相比|对比",
    "较上一?年|比上一?年|去年|较\\d{4}年|比\\d{4}年|与\\d{4}年",
    "增长|增加|减少|下降|上升|持平|增幅|降幅",
    // "上年度收到申请5件" is last year's figure; "上年度结转" is this year's 二.
    "上一?年度(?!结转)|上一?年(?:共|全年|累计|没有|未)?(?:收到|受理|接收|新收|办理|办结|主动|公开|公布|发布|发生)",
    // Plans in 五 ("力争主动公开信息1000条") are not the year's figures.
    "计划|力争|争取|预计|目标",
  ],
  figures: [
    // Specific phrases first: "上年结转" before "结转下", "新收到" before "收到".
    {
      kind: "carriedOver",
      phrases: [`上一?年度?结转(?:至本年度?|到本年度?)?(?:继续办理)?(?:的)?${APPLICATION}${THEN}`],
      units: ["件"],
      compare: [count("表三“上年结转政府信息公开申请数量”总计", [applications("carriedOver")])],
    },
    {
      kind: "carriedForward",
      phrases: [`(?:结转|转入)(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?${APPLICATION}${THEN}`],
      units: ["件"],
      compare: [count("表三“结转下年度继续办理”总计", [applications("carriedForward")])],
    },
    {
      kind: "received",
      phrases: [`(?:本年度?|今年|当年|全年)?新收(?:到)?${APPLICATION}${THEN}`],
      units: ["件"],
      compare: [received],
      excludes: "通过",
    },
    {
      kind: "receivedAll",
      phrases: [`(?:收到|受到|受理|接收|接到)(?:各类|书面|群众|公众)?(?:提出的|提交的)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请${THEN}`],
      units: ["件"],
      compare: [received, receivedWithCarriedOver],
      // Channels ("通过网络收到申请5件") and other matters are parts or other counts.
      excludes: "其中|通过|网上|网络|邮寄|信函|当面|现场|线上|线下|邮件|传真|复议|诉讼|许可|信访|投诉|建议|提案",
    },
    {
      kind: "handled",
      phrases: [
        `办结(?:了)?${APPLICATION}${THEN}`,
        `(?:办理|处理)(?:政府信息公开|信息公开|依申请公开)(?:的)?申请${THEN}`,
        // Bare "共办理120件" only beside applications, see requires.
        `(?:共|累计|已|全部)(?:办理|处理)(?:完毕|完结|完成)?${THEN}`,
      ],
      units: ["件"],
      compare: [count("表三“本年度办理结果”（七）总计", [applications("outcomeTotal")])],
      requires: "申请",
      // "未办结3件" is pending; "其中按时办结115件" a part.
      excludes: "未|尚|待|按时|按期|超期|逾期|延期|当场|当日|其中",
      sentenceExcludes: "复议|诉讼|案件|建议|提案|许可|处罚|强制",
    },
    outcome("granted", "(?<!不)予以公开", "表三“（一）予以公开”总计", ["granted"]),
    outcome("partial", "部分公开", "表三“（二）部分公开”总计", ["partial"]),
    outcome("denied", "不予公开", "表三“（三）不予公开”各项总计之和", outcomeRows.deny),
    outcome("unable", "无法提供", "表三“（四）无法提供”各项总计之和", outcomeRows.unable),
    outcome("rejected", "不予处理", "表三“（五）不予处理”各项总计之和", outcomeRows.reject),
    applicant("natural", "自然人", "自然人", ["natural"]),
    applicant("organizations", "法人(?:或者?|和|及|与)?其他组织", "法人或其他组织各列之和", orgColumns),
    // Table 四. The combined figure first, so that "行政复议、行政诉讼案件共9件" is not read as 诉讼 9.
    {
      kind: "appeals",
      phrases: [
        `(?:行政)?复议(?:、|和|及|与|或)(?:行政)?诉讼(?:案件)?${THEN}`,
        `办理(?:相关|上述|此类|该类)案件${THEN}`,
      ],
      units: ["件"],
      compare: [allAppeals],
      requires: "复议|诉讼",
    },
    {
      kind: "litigationAfterReview",
      phrases: [`复议后(?:提起|提出)?(?:行政)?(?:起诉|诉讼)(?:案件)?${THEN}`],
      units: ["件"],
      compare: [count("表四“行政诉讼 复议后起诉”总计", [appeals.afterReview])],
    },
    {
      kind: "litigationDirect",
      phrases: [`未经复议直接(?:提起|提出)?(?:行政)?(?:起诉|诉讼)(?:案件)?${THEN}`],
      units: ["件"],
      compare: [count("表四“行政诉讼 未经复议直接起诉”总计", [appeals.direct])],
    },
    {
      kind: "review",
      phrases: [`行政复议(?:案件|申请)?${THEN}`],
      units: ["件"],
      compare: [count("表四“行政复议”总计", [appeals.review])],
      // Results of review ("被纠正的行政复议1件") are parts.
      excludes: "维持|纠正|其他结果|审结|复议后|未经复议",
    },
    {
      kind: "litigation",
      phrases: [`行政诉讼(?:案件)?${THEN}`],
      units: ["件"],
      compare: [count("表四“行政诉讼”（未经复议直接起诉与复议后起诉）总计之和", [appeals.direct, appeals.afterReview])],
      excludes: "维持|纠正|其他结果|审结|复议[、和及与或]",
    },
    // 主动公开: only the year's total, not a channel's or a field's part
    // ("全年共发布信息346条" under 基础信息 is a part and has no 主动公开).
    {
      kind: "disclosed",
      phrases: [`主动(?:公开|公布|发布)(?:各类)?(?:政府)?信息${THEN}`],
      units: ["条", "件"],
      compare: [{ label: "本单位信息公开目录中本年主动公开的信息", source: { catalog: "total" }, unit: "条" }],
      excludes: "通过|其中|专区|专栏|栏目|领域|(?<!各)类|网站|微信|微博|公众号|新媒体|客户端|公开栏|公示栏",
    },
    {
      kind: "license",
      phrases: [`行政许可(?:决定|处理决定|事项)?(?:信息)?${THEN}`],
      units: ["件"],
      compare: [count("表二“行政许可 本年处理决定数量”", ["active.license.decisions"])],
      excludes: "受理|申请",
    },
    {
      kind: "penalty",
      phrases: [`行政处罚(?:决定|处理决定|案件)?(?:信息)?${THEN}`],
      units: ["件"],
      compare: [count("表二“行政处罚 本年处理决定数量”", ["active.penalty.decisions"])],
      excludes: "立案|受理",
    },
    {
      kind: "enforcement",
      phrases: [`行政强制(?:措施|执行)?(?:决定|处理决定|案件)?(?:信息)?${THEN}`],
      units: ["件"],
      compare: [count("表二“行政强制 本年处理决定数量”", ["active.enforcement.decisions"])],
    },
    // Only 行政事业性收费 is table 二's fee; the 信息处理费 of 国办函〔2020〕109号 (in 六) is not.
    {
      kind: "fee",
      phrases: [`行政事业性收费(?:金额|收入|总额|总金额)?${THEN}`],
      units: ["万元", "元"],
      compare: [fee],
    },
  ],
  none: [
    {
      kind: "receivedNone",
      phrases: ["(?:没有|未|无)(?:收到|受理|接到|接收)[^，,；;。]{0,30}?申请"],
      says: "没有收到申请",
      compare: received,
      // "未收到法人或其他组织的申请" is about one column; 复议 etc. are other matters.
      excludes: "其中|复议|诉讼|法人|组织|自然人|企业|机构|许可|信访|投诉|建议|提案",
    },
    {
      kind: "appealsNone",
      phrases: ["(?:没有|未|无)(?:发生|收到|出现|产生|涉及)[^，,；;。]{0,20}?(?:行政)?复议(?:、|和|或|及|与)(?:被)?(?:提起)?(?:行政)?诉讼"],
      says: "没有行政复议、行政诉讼",
      compare: allAppeals,
      // "告知申请人可依法申请行政复议或提起行政诉讼" is the remedy, not a count.
      excludes: "告知|权利|可以|可依法|救济",
    },
    {
      kind: "feeNone",
      phrases: ["(?:没有|未|无)(?:产生|收取|发生)?行政事业性收费"],
      says: "没有行政事业性收费",
      compare: fee,
    },
  ],
  percentages: {
    units: ["件", "条"],
    share: "占|比例|比重",
    // 办结率, 增长率 and changes are not shares of a figure in the sentence.
    sentenceExcludes: "率|同比|环比|增长|下降|增加|减少|提高|降低|较|相比",
    whole: "共|总计|合计|累计|全年|全部",
    breakdown: "其中",
  },
};
