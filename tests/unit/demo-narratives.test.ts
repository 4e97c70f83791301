import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoHistoryReports, demoHistoryUnits, reportFor, type DemoHistoryReport } from "@/lib/demo/demo-history";
import { demoNarrative } from "@/lib/demo/demo-narratives";
import { demoProvince } from "@/lib/demo/demo-province";
import { demoProvinceReports } from "@/lib/demo/demo-province-history";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { isGovernment } from "@/lib/organizations/tree";
import { checkReport, format2021, type Finding, type PeerReport } from "@/lib/report-format";
import { publicationDeadline, type OrganizationKindName } from "@/lib/report-format/deadlines";
import { sectionSimilarity, unitNames } from "@/lib/report-format/narrative/similarity";
import { narrativeBlocks } from "@/lib/report-format/sections";

const sample = parseTextReport(readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8"), format2021);

/** Every demo unit with reports, placed in the tree as seed-demo places it. */
const units = [
  ...demoHistoryUnits.map((u) => ({ ...u, parent: "laian" as string | null })),
  { slug: "laian", name: "来安县人民政府", shortName: "来安县", kind: "COUNTY_GOVERNMENT" as const, parent: "chuzhou" as string | null },
  ...demoProvince,
];
const unitOf = (slug: string) => units.find((u) => u.slug === slug)!;

/** Each entry's report, built as seedDemoHistory and seedDemoProvinceHistory build it. */
const reports = [...demoHistoryReports, ...demoProvinceReports].map((entry) => ({
  entry,
  unit: unitOf(entry.slug),
  report: reportFor(sample, unitOf(entry.slug), entry, entry.copiesFrom ? unitOf(entry.copiesFrom) : undefined),
}));
type Built = (typeof reports)[number];
const find = (slug: string, year: number) => reports.find((r) => r.entry.slug === slug && r.entry.year === year);
const label = ({ entry }: { entry: DemoHistoryReport }) => `${entry.slug}/${entry.year}`;

/**
 * The government a unit's reports are compared within, as the app's
 * peerGroupOf: a government's own units for its own report, the parent
 * government's for any other unit's.
 */
const groupOf = (unit: (typeof units)[number]) => (isGovernment(unit.kind) || !unit.parent ? unit.slug : unit.parent);

function findingsOf({ entry, unit, report }: Built): Finding[] {
  const previous = find(entry.slug, entry.year - 1);
  const group = groupOf(unit);
  const peers: PeerReport[] = reports
    .filter((r) => r.entry.year === entry.year && r.entry.slug !== entry.slug && (r.entry.slug === group || r.unit.parent === group))
    .map((r) => ({ unitId: r.entry.slug, unitName: r.unit.shortName, sections: r.report.sections }));
  return checkReport({
    format: format2021,
    organization: { name: unit.name, kind: unit.kind as OrganizationKindName },
    year: entry.year,
    title: report.title,
    signedOn: report.signedOn,
    values: report.values,
    sections: report.sections,
    previous: previous?.report.values ?? null,
    previousSections: previous?.report.sections ?? null,
    peers,
  });
}

const NARRATIVE_RULES = [
  "R8",
  "stale-year",
  "unchanged-paragraph",
  "similar-previous",
  "section-empty",
  "problems-measures",
  "problems-followup",
  "statistical-period",
  "superseded-citation",
  "percentage",
];
const SECTIONS = ["overview", "problems", "other"] as const;
const names = units.flatMap((u) => unitNames(u.name));
const isProvince = (r: Built) => demoProvinceReports.includes(r.entry);
const provinceReports = reports.filter(isProvince);

describe("the demo units' narratives", () => {
  it.each(reports.map((r) => [label(r), r] as const))("%s passes the narrative checks", (_, built) => {
    const findings = findingsOf(built);
    expect(findings.filter((f) => NARRATIVE_RULES.includes(f.rule)).map((f) => f.message)).toEqual([]);
    const peersFlagged = [...new Set(findings.filter((f) => f.rule === "similar-peer").map((f) => f.peer?.unitName))];
    const { slug, year } = built.entry;
    if (year === 2025 && slug === "laian-zhangshan") expect(peersFlagged).toEqual(["舜山镇"]);
    else if (year === 2025 && slug === "laian-shunshan") expect(peersFlagged).toEqual(["张山镇"]);
    else expect(peersFlagged).toEqual([]);
  });

  it.each(reports.map((r) => [label(r), r] as const))("%s has no blocking error and agrees with last year's tables", (_, built) => {
    const findings = findingsOf(built);
    expect(findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([]);
    expect(findings.filter((f) => ["R6", "R7", "R12"].includes(f.rule)).map((f) => f.message)).toEqual([]);
  });

  it("states the tables' 行政许可、处罚、强制 figures", () => {
    for (const { entry, report } of reports) {
      const overview = report.sections.overview;
      expect(overview, label({ entry })).toContain(`${58 * entry.scale}件`);
      expect(overview, label({ entry })).toContain(`${35 * entry.scale}件`);
    }
  });

  it("has R8 read those figures: against other tables each is flagged", () => {
    for (const built of reports) {
      const values = { ...built.report.values, "active.license.decisions": 1, "active.penalty.decisions": 1, "active.enforcement.decisions": 1 };
      const r8 = findingsOf({ ...built, report: { ...built.report, values } }).filter((f) => f.rule === "R8");
      expect(r8.length, label(built)).toBeGreaterThanOrEqual(2);
    }
  });

  it("keeps consecutive years of a unit well apart (< 0.45 per section), with no paragraph repeated", () => {
    for (const built of reports) {
      const previous = find(built.entry.slug, built.entry.year - 1);
      if (!previous) continue;
      for (const key of SECTIONS) {
        const { score } = sectionSimilarity(built.report.sections[key] ?? "", previous.report.sections[key] ?? "", { names });
        expect(score, `${label(built)} ${key}`).toBeLessThan(0.45);
      }
      const lines = (r: Built) =>
        Object.values(r.report.sections).flatMap((t) => narrativeBlocks(t).filter((b) => b.kind === "paragraph").map((b) => b.text));
      const before = new Set(lines(previous));
      expect(lines(built).filter((line) => before.has(line)), label(built)).toEqual([]);
    }
  });

  it("keeps different units apart (< 0.35 per section), except 张山镇 2025 copying 舜山镇", () => {
    for (const a of reports) {
      for (const b of reports) {
        if (a === b || a.entry.slug === b.entry.slug || a.entry.year !== b.entry.year) continue;
        const copy = a.entry.year === 2025 && [a.entry.slug, b.entry.slug].every((s) => ["laian-shunshan", "laian-zhangshan"].includes(s));
        for (const key of SECTIONS) {
          const { score } = sectionSimilarity(a.report.sections[key] ?? "", b.report.sections[key] ?? "", { names });
          if (copy && key !== "other") expect(score, `${label(a)} ~ ${label(b)} ${key}`).toBeGreaterThanOrEqual(0.5);
          else if (!copy) expect(score, `${label(a)} ~ ${label(b)} ${key}`).toBeLessThan(0.35);
        }
      }
    }
  });

  it("gives the copier the source's words with its own name and figures", () => {
    const copy = find("laian-zhangshan", 2025)!.report.sections;
    const source = demoNarrative("laian-shunshan", 2025, { license: 58, penalty: 35, enforcement: 10 });
    expect(copy.overview).toBe(source.overview.replaceAll("舜山镇", "张山镇"));
    expect(copy.overview).toContain("来安县张山镇人民政府");
    expect(copy.overview).not.toContain("舜山镇");
  });
});

describe("the demo province's reports", () => {
  const stateOf = (slug: string, year: number) => {
    const state = find(slug, year)?.entry.state;
    if (state === undefined) return "NOT_STARTED";
    if (typeof state === "string") return state;
    const deadline = publicationDeadline(unitOf(slug).kind as OrganizationKindName, year);
    return state.published <= deadline ? "ON_TIME" : "LATE";
  };

  it("has every state a board shows, 全椒县 the late county", () => {
    const year2025 = Object.fromEntries(demoProvince.filter((u) => u.parent).map((u) => [u.slug, stateOf(u.slug, 2025)]));
    expect(year2025).toEqual({
      "anhui-caizheng": "ON_TIME",
      "anhui-jiaoyu": "LATE",
      chuzhou: "SUBMITTED",
      "chuzhou-caizheng": "ON_TIME",
      "chuzhou-shengtai": "RETURNED",
      "chuzhou-ziran": "NOT_STARTED",
      quanjiao: "DRAFT",
      "quanjiao-xianghe": "ON_TIME",
      "quanjiao-guhe": "NOT_STARTED",
      "quanjiao-liuzhen": "NOT_STARTED",
      "quanjiao-wugang": "DRAFT",
      "quanjiao-caizheng": "NOT_STARTED",
      "quanjiao-minzheng": "SUBMITTED",
      langya: "ON_TIME",
      "langya-langya": "ON_TIME",
      "langya-xijian": "ON_TIME",
      "langya-caizheng": "LATE",
      huangshan: "ON_TIME",
      "huangshan-caizheng": "ON_TIME",
      yixian: "ON_TIME",
      "yixian-biyang": "NOT_STARTED",
      "yixian-hongcun": "ON_TIME",
      "yixian-caizheng": "DRAFT",
    });
    expect(stateOf("anhui", 2025)).toBe("ON_TIME");
    // 2024: published on time, wherever there is a report.
    const year2024 = provinceReports.filter((r) => r.entry.year === 2024);
    expect(year2024.map((r) => r.entry.slug).sort()).toEqual(
      ["anhui", "anhui-caizheng", "anhui-jiaoyu", "chuzhou", "chuzhou-caizheng", "chuzhou-shengtai", "quanjiao", "quanjiao-xianghe", "quanjiao-guhe", "quanjiao-wugang", "quanjiao-minzheng", "langya", "langya-langya", "huangshan"].sort(),
    );
    for (const r of year2024) expect(stateOf(r.entry.slug, 2024), label(r)).toBe("ON_TIME");
    expect(find("chuzhou-shengtai", 2025)!.entry.comment).toBeTruthy();
  });

  it("keeps each unit's scale from year to year, and a year's units on different scales", () => {
    for (const r of provinceReports) {
      const previous = find(r.entry.slug, r.entry.year - 1);
      if (previous) expect(r.entry.scale, label(r)).toBe(previous.entry.scale);
    }
    expect(new Set(provinceReports.map((r) => r.entry.scale)).size).toBeGreaterThanOrEqual(5);
  });

  it("writes each report as its own unit's, with its own website and office", () => {
    for (const r of provinceReports) {
      const { overview } = r.report.sections;
      expect(overview, label(r)).toContain(`现将${r.unit.name}${r.entry.year}年度政府信息公开工作情况报告如下`);
      expect(overview, label(r)).not.toContain("来安县人民政府网站");
      expect(r.report.title).toBe(`${r.unit.name}${r.entry.year}年政府信息公开工作年度报告`);
    }
    const texts = provinceReports.map((r) => Object.values(r.report.sections).join("\n"));
    expect(new Set(texts).size).toBe(texts.length);
  });
});
