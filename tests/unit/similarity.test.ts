import { describe, expect, it } from "vitest";
import { emptyValues, format2021, type Finding, type PeerReport, type RuleInput } from "@/lib/report-format";
import { checkSimilarity, sectionSimilarity, unitNames } from "@/lib/report-format/narrative/similarity";
import { leiguanOther, leiguanOverview, leiguanProblems } from "../fixtures/leiguan-2023.expected";

const LEIGUAN = "来安县雷官镇人民政府";
const ZHANGSHAN = "来安县张山镇人民政府";

/** The statutory preamble and closing every report carries, with the unit and year filled in. */
const preamble = (unit: string, year: number) =>
  `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现将${unit}${year}年度政府信息公开工作情况报告如下。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。本年度报告的电子版可以在来安县人民政府网站（www.laian.gov.cn）查阅。`;

const leiguan = {
  overview: `${preamble(LEIGUAN, 2023)}\n${leiguanOverview}`,
  problems: leiguanProblems,
  other: leiguanOther,
};

/** The sample as another town would hand it in a year later: name swapped, figures changed. */
function copiedBy(text: string): string {
  return text
    .replaceAll("雷官镇", "张山镇")
    .replaceAll("雷官", "张山")
    .replaceAll("2023", "2024")
    .replaceAll("528", "611")
    .replaceAll("346", "402");
}

/** A genuinely different report of a neighbouring town, sharing only the template. */
const zhangshan = {
  overview: [
    preamble(ZHANGSHAN, 2023),
    "（一）主动公开",
    "张山镇依托县政府门户网站乡镇专栏，围绕乡村振兴、农村低保、耕地地力保护补贴、高标准农田建设等群众关心的事项发布信息，本年共主动公开政府信息312条，其中惠民惠农财政补贴资金发放情况按季度公示。",
    "（二）依申请公开",
    "全年收到政府信息公开申请2件，均为自然人申请，内容涉及宅基地审批和土地征收补偿标准，均在法定期限内答复，1件予以公开，1件因本机关不掌握相关信息告知申请人向县自然资源和规划局咨询。",
    "（三）政府信息管理",
    "镇党政办牵头对近三年发布的文件逐件核对，清理过期失效信息47条，对涉及个人隐私的低保公示名单进行脱敏处理，落实先审后发和“三审三校”。",
    "（四）政府信息公开平台建设",
    "在镇便民服务中心设置政府信息公开查阅点，配备查询电脑和纸质资料夹，14个村（社区）的公开栏统一更换为防雨材质，村务、财务每季度公开一次。",
    "（五）监督保障",
    "镇纪委对各村公开栏开展两轮随机抽查，发现未按时更新的村3个，已督促整改；全年未发生因政务公开工作引起的责任追究。",
  ].join("\n"),
  problems: [
    "一是部分村级公开栏内容更新不及时，惠农补贴公示存在滞后。二是政策解读形式单一，以文字解读为主，图解、视频等群众易懂的形式较少。",
    "下一步，我镇将建立村级公开栏月度巡查台账，由包村干部每月拍照上报；联合县融媒体中心制作惠民政策短视频，提升解读的可读性。",
  ].join("\n"),
  other: "本年度未收取信息处理费。张山镇2024年政务公开工作要点明确的12项任务已全部完成。",
};

function input(overrides: Partial<RuleInput> = {}): RuleInput {
  return {
    format: format2021,
    organization: { name: ZHANGSHAN, kind: "TOWNSHIP" },
    year: 2024,
    title: `${ZHANGSHAN}2024年政府信息公开工作年度报告`,
    signedOn: "2025-01-20",
    values: emptyValues(format2021),
    sections: zhangshan,
    ...overrides,
  };
}

const peer = (unitId: string, unitName: string, sections: Record<string, string>): PeerReport => ({
  unitId,
  unitName,
  sections,
});
const ofRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const names = [...unitNames(LEIGUAN), ...unitNames(ZHANGSHAN)];

describe("sectionSimilarity", () => {
  it("derives the names a unit's text uses for itself", () => {
    expect(unitNames(LEIGUAN)).toEqual(["来安县雷官镇人民政府", "来安县雷官镇", "雷官镇", "雷官"]);
    expect(unitNames("来安县市场监督管理局")).toEqual(["来安县市场监督管理局", "市场监督管理局"]);
  });

  it("scores a copy with the unit's name, the year and the figures changed as the same text", () => {
    const copy = copiedBy(leiguan.overview);
    expect(sectionSimilarity(copy, leiguan.overview, { names }).score).toBe(1);
    expect(sectionSimilarity(copiedBy(leiguanProblems), leiguanProblems, { names }).score).toBe(1);
  });

  it("scores two different reports sharing the statutory template low", () => {
    // Measured: 0.02–0.07 between real reports of different towns; the template is left out.
    expect(sectionSimilarity(zhangshan.overview, leiguan.overview, { names }).score).toBeLessThan(0.1);
    expect(sectionSimilarity(leiguan.overview, zhangshan.overview, { names }).score).toBeLessThan(0.1);
    expect(sectionSimilarity(zhangshan.problems, leiguanProblems, { names }).score).toBeLessThan(0.1);
  });

  it("scores a copy with a third of its paragraphs rewritten between the two", () => {
    const fresh = "本年度镇党政办对照县级标准目录逐项核对，补充完善办事指南和政策解读，及时回应群众在12345热线中反映的公开诉求。";
    const rewritten = leiguanOverview.split("\n").map((line, i) => (i % 3 === 1 && !line.startsWith("（") ? fresh : line));
    // Measured: 0.81.
    const score = sectionSimilarity(rewritten.join("\n"), leiguanOverview, { names }).score;
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeLessThan(0.9);
  });

  it("shows the longest shared passage as written in each text", () => {
    const { passage } = sectionSimilarity(copiedBy(leiguanProblems), leiguanProblems, { names });
    expect(passage?.text.startsWith("2024年，我镇政务公开工作虽然取得了积极进展")).toBe(true);
    expect(passage?.other.startsWith("2023年，我镇政务公开工作虽然取得了积极进展")).toBe(true);
  });

  it("does not compare short sections", () => {
    expect(sectionSimilarity("无", "无").score).toBe(0);
    expect(sectionSimilarity(leiguanOther, leiguanOther).score).toBe(0);
  });
});

describe("similar-peer: 雷同 with another unit of the county", () => {
  it("warns on each section copied from another unit, its name swapped", () => {
    const copy = { overview: copiedBy(leiguan.overview), problems: copiedBy(leiguan.problems), other: "无" };
    const found = ofRule(checkSimilarity(input({ sections: copy, peers: [peer("org-leiguan", LEIGUAN, leiguan)] })), "similar-peer");
    expect(found.map((f) => f.section)).toEqual(["overview", "problems"]);
    const [overview] = found;
    expect(overview).toMatchObject({
      severity: "warning",
      peer: { unitId: "org-leiguan", unitName: LEIGUAN },
      beside: { label: `${LEIGUAN}的报告` },
    });
    expect(overview?.message).toContain(`与${LEIGUAN}的报告相似度100%`);
    expect(overview?.quote?.text).toContain("张山镇");
    expect(overview?.beside?.text).toContain("雷官镇");
    // The key must not reveal the other unit: the finding's id is shown to the clerk.
    expect(overview?.key ?? "").not.toContain("org-leiguan");
  });

  it("reports only the most similar peer", () => {
    const copy = { ...zhangshan, problems: copiedBy(leiguanProblems) };
    const peers = [
      peer("org-other", "来安县舜山镇人民政府", zhangshan),
      peer("org-leiguan", LEIGUAN, leiguan),
      peer("org-third", "来安县水口镇人民政府", { problems: zhangshan.problems }),
    ];
    const found = ofRule(checkSimilarity(input({ sections: copy, peers })), "similar-peer");
    expect(found.filter((f) => f.section === "problems").map((f) => f.peer?.unitId)).toEqual(["org-leiguan"]);
  });

  it("does not warn on two different reports that share the template", () => {
    expect(checkSimilarity(input({ peers: [peer("org-leiguan", LEIGUAN, leiguan)] }))).toEqual([]);
  });
});

describe("similar-previous: 雷同 with the unit's own report of last year", () => {
  it("warns when this year's sections are last year's with the figures updated", () => {
    const lastYear = { overview: leiguan.overview, problems: leiguanProblems, other: leiguanOther };
    const thisYear = { overview: copiedBy(leiguan.overview).replaceAll("张山", "雷官"), problems: leiguanProblems, other: "无" };
    const found = checkSimilarity(
      input({ organization: { name: LEIGUAN, kind: "TOWNSHIP" }, sections: thisYear, previousSections: lastYear }),
    );
    expect(found.map((f) => [f.rule, f.section])).toEqual([
      ["similar-previous", "overview"],
      ["similar-previous", "problems"],
    ]);
    expect(found[0]?.beside?.label).toBe("上一年度报告");
    expect(found[0]?.quote?.text).toContain("2024年");
    expect(found[0]?.beside?.text).toContain("2023年");
  });

  it("does not warn on a report written afresh", () => {
    const found = checkSimilarity(
      input({ organization: { name: LEIGUAN, kind: "TOWNSHIP" }, sections: zhangshan, previousSections: leiguan }),
    );
    expect(found).toEqual([]);
  });
});
