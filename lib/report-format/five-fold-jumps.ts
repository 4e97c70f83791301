// Figures that jump more than five-fold from last year: a board-only signal
// (雷同 and the other rules are the rule engine's, shared with the editor).
import { metricGroups, metricValue } from "@/lib/report-format/metrics";
import type { ReportFormat, ReportValues } from "@/lib/report-format";

export const JUMP_FACTOR = 5;
/** Below this on both sides a five-fold change is noise (1 → 6). */
export const JUMP_MIN_VALUE = 10;

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
