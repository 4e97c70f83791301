// The 2021 format's data for the narrative text checks: stale years,
// paragraphs left from last year, 雷同 with last year and with other units,
// and the structure of the three narrative sections. Thresholds were chosen
// on real report text (see tests/unit/similarity.test.ts for the cases).
import type { NarrativeTextRules } from "./narrative/text-types";

/** "镇", "乡", "局" …: what "我" or "本" stand before when a unit names itself. */
const UNIT_WORDS = "镇|乡|街道|县|区|市|局|委|办|单位|部门|机关|中心";

export const text2021: NarrativeTextRules = {
  boilerplate: {
    sentenceMarkers: [
      // The preamble: "根据《条例》……要求，现将……报告如下。" / "……编制本报告。"
      "报告如下",
      "编制本报告",
      "六部分组成",
      "六个部分组成",
      // "本报告中所列数据的统计期限自……起至……止。"
      "统计期限",
      // "本年度报告的电子版可以在……网站查阅。" and the contact line.
      "电子版",
      "有任何疑问",
      // 国办函〔2020〕109号: most units charged nothing and say so in the same words.
      "信息处理费管理办法",
    ],
  },
  staleYear: {
    // Copies from last year's report are what this catches; older years at a
    // clause's start are more often history ("2019年，我镇建成……").
    yearsBack: 1,
    clauseLead: /^(?:在|[一二三四五六七八九十]+是|\d+[.、．]|（[一二三四五六七八九十\d]+）|[(]\d+[)])?$/,
    subjectAfterYear: new RegExp(
      `^度?(?:[，,]|全(?:年|${UNIT_WORDS})|内[，,]|[我本](?:${UNIT_WORDS})|共|累计|未|没有)`,
    ),
    legitimateContexts: ["报告中提出", "报告提出", "提出的问题", "上一年度报告", "上年度报告", "上年报告"],
    besideMinSimilarity: 0.5,
  },
  unchangedParagraph: {
    // "2023年，我镇没有收到书面或其他形式要求公开政府信息的申请" has 30 such characters.
    minLength: 20,
  },
  similarity: {
    shingle: 5,
    minLength: 80,
    // Containment measured on 5-grams: 0.00–0.07 between real reports of
    // different towns (template left out), 1.00 for a copy with the name, year
    // and figures changed, 0.76 / 0.59 / 0.42 with a fifth / a third / half of
    // the paragraphs rewritten. A unit's own report keeps more standing text
    // from year to year than two units share, hence the higher bar.
    threshold: { previous: 0.6, peer: 0.5 },
    selfReference: new RegExp(`[我本](?:${UNIT_WORDS})`),
    unitName: {
      dropSuffixes: ["人民政府办公室", "人民政府"],
      areaPrefix: /^[\u4e00-\u9fa5]{1,4}?[省市县区]/,
      placeSuffixes: ["街道办事处", "街道", "镇", "乡"],
    },
    minPassage: 10,
  },
  problems: {
    section: "problems",
    problemWords: ["问题", "不足", "短板", "差距", "薄弱", "欠缺", "有待"],
    // Not 加强/提升/完善: problems are written "有待加强", "有待进一步提升".
    measureWords: ["改进", "整改", "措施", "下一步", "下阶段", "今后", "举措", "将", "计划"],
    followupWords: [
      "整改",
      "上年",
      "去年",
      "上一年",
      "已解决",
      "得到解决",
      "落实情况",
      "改进情况",
      "提出的问题",
    ],
  },
  statisticalPeriod: {
    sections: ["preamble", "overview"],
    markers: ["统计期限", "统计期", "统计时间", "统计时限", "统计区间", "统计范围"],
    range:
      /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起?\s*(?:至|到|—+|－|-|~|～)\s*(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
  },
  superseded: [
    {
      // The 2019 trial format; reports from 2021 on use 国办公开办函〔2021〕30号.
      id: "gbgkbh-2019-60",
      pattern: /国办公开办函\s*[〔［【[（(]\s*2019\s*[〕］】\]）)]\s*60\s*号/,
      formats: ["2021"],
      replacement: "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
    },
    {
      // The 2007 条例, replaced by the revision in force since 2019-05-15.
      id: "gwyl-492",
      pattern: /国务院令\s*第\s*492\s*号/,
      fromYear: 2019,
      replacement: "《中华人民共和国政府信息公开条例》（国务院令第711号，2019年修订）",
    },
  ],
};
