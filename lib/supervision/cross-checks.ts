// Checks that need more than one report: copied narratives (雷同 — the format
// names copying as grounds for 追责) across units and years, and figures that
// jump more than five-fold from last year. Pure functions; the board feeds them.
import { metricGroups, metricValue } from "@/lib/comparison/metrics";
import { narrativeSections, sectionHeading, type ReportFormat, type ReportValues } from "@/lib/report-format";

/** Shorter passages (a heading, "无") are too common to mean anything. */
export const MIN_COPIED_LENGTH = 30;
export const JUMP_FACTOR = 5;
/** Below this on both sides a five-fold change is noise (1 → 6). */
export const JUMP_MIN_VALUE = 10;

export interface NarrativeSource {
  unitId: string;
  unitName: string;
  sections: Readonly<Record<string, string>>;
}

/** Whitespace and line breaks do not make a copy original. */
const normalise = (text: string) => text.replace(/\s+/g, "");

/**
 * For each unit, the narrative sections identical to another unit's this year
 * or to its own report of last year.
 */
export function copiedNarratives(
  format: ReportFormat,
  thisYear: readonly NarrativeSource[],
  lastYear: ReadonlyMap<string, Readonly<Record<string, string>>>,
): Map<string, string[]> {
  const headings = new Map(narrativeSections(format).map((section) => [section.key as string, sectionHeading(section)]));
  const narrativeLabel = (key: string) => headings.get(key) ?? key;
  const bySection = new Map<string, NarrativeSource[]>();
  for (const unit of thisYear) {
    for (const [key, body] of Object.entries(unit.sections)) {
      const text = normalise(body);
      if (text.length < MIN_COPIED_LENGTH) continue;
      const id = `${key}\u0000${text}`;
      bySection.set(id, [...(bySection.get(id) ?? []), unit]);
    }
  }
  const messages = new Map<string, string[]>();
  const add = (unitId: string, message: string) => messages.set(unitId, [...(messages.get(unitId) ?? []), message]);
  for (const [id, units] of bySection) {
    if (units.length < 2) continue;
    const key = id.slice(0, id.indexOf("\u0000"));
    for (const unit of units) {
      const others = units.filter((u) => u.unitId !== unit.unitId).map((u) => u.unitName);
      add(unit.unitId, `雷同：“${narrativeLabel(key)}”与${others.join("、")}的报告完全相同`);
    }
  }
  for (const unit of thisYear) {
    const previous = lastYear.get(unit.unitId);
    if (!previous) continue;
    for (const [key, body] of Object.entries(unit.sections)) {
      const text = normalise(body);
      if (text.length >= MIN_COPIED_LENGTH && text === normalise(previous[key] ?? "")) {
        add(unit.unitId, `雷同：“${narrativeLabel(key)}”与本单位上一年度报告完全相同`);
      }
    }
  }
  return messages;
}

export interface Jump {
  label: string;
  from: number;
  to: number;
}

/** The compared figures (申请数、办理结果、许可、处罚、复议、诉讼…) that moved more than five-fold. */
export function fiveFoldJumps(format: ReportFormat, values: ReportValues, previous: ReportValues): Jump[] {
  return metricGroups(format).flatMap((group) =>
    group.metrics.flatMap((metric) => {
      const to = metricValue(metric, values);
      const from = metricValue(metric, previous);
      if (to === null || from === null || to <= 0 || from <= 0 || Math.max(from, to) < JUMP_MIN_VALUE) return [];
      return to > from * JUMP_FACTOR || from > to * JUMP_FACTOR ? [{ label: `${group.title}：${metric.label}`, from, to }] : [];
    }),
  );
}

export const jumpMessage = (jump: Jump) => `数字异动：${jump.label}由上年的${jump.from}变为${jump.to}，变化超过${JUMP_FACTOR}倍`;
