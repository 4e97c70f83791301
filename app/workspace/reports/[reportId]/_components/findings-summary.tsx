"use client";

import { findingLabel } from "@/components/findings/finding-detail";
import { findingId, textParts, type Finding, type ReportFormat } from "@/lib/report-format";
import { JumpLink } from "@/components/jump-link";

/** Where on the page a finding is shown: its cell, its field, or its entry beside the section. */
export function findingTarget(finding: Finding): string | undefined {
  if (finding.section) return `#finding-${findingId(finding)}`;
  if (finding.field) return `#field-${finding.field}`;
  return finding.cells[0] ? `#cell-${finding.cells[0]}` : undefined;
}

type Entry = { finding: Finding; count: number };

/**
 * Narrative findings of one rule in one section are listed once with their
 * count (a report begun from last year's may have dozens); the details stand
 * beside the section. Everything else is listed one by one.
 */
function entriesOf(format: ReportFormat, findings: readonly Finding[]): Entry[] {
  const entries: Entry[] = [];
  const grouped = new Map<string, Entry>();
  for (const finding of findings) {
    if (format.rules.meta[finding.rule].scope !== "narrative" || !finding.section) {
      entries.push({ finding, count: 1 });
      continue;
    }
    const id = `${finding.rule}|${finding.section}`;
    const entry = grouped.get(id);
    if (entry) entry.count += 1;
    else {
      const created = { finding, count: 1 };
      grouped.set(id, created);
      entries.push(created);
    }
  }
  return entries;
}

/** The rule findings at a glance, each linked to the place it concerns; the same count the workflow panel uses. */
export function FindingsSummary({
  format,
  findings,
  blocking,
  inputErrors,
  onFix,
  disabled,
}: {
  format: ReportFormat;
  findings: Finding[];
  blocking: number;
  inputErrors: number;
  onFix: (finding: Finding) => void;
  disabled: boolean;
}) {
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const headings = new Map(textParts(format).map((part) => [part.key, part.label]));
  return (
    <section aria-labelledby="findings-heading" className="mb-6 rounded border border-gray-300 p-3">
      <h2 id="findings-heading" className="mb-2 font-semibold">
        校验结果：阻断性错误 {blocking} 项，提示 {warnings} 项
      </h2>
      <div role="status" aria-live="polite" className="space-y-1 text-sm">
        {inputErrors > 0 && <p className="text-red-800">有 {inputErrors} 处输入不符合要求，请按提示修改（修改前不会自动保存）。</p>}
        <ul className="space-y-1">
          {entriesOf(format, findings).map(({ finding, count }) => {
            const href = findingTarget(finding);
            const text =
              count > 1
                ? `${findingLabel(format, finding)}：“${headings.get(finding.section!) ?? finding.section}”中 ${count} 处，详见该部分下方`
                : `${findingLabel(format, finding)}：${finding.message}`;
            const fix = format.rules.meta[finding.rule].fix;
            return (
              <li key={findingId(finding)} className={finding.severity === "error" ? "text-red-800" : "text-amber-800"}>
                {href ? <JumpLink href={href}>{text}</JumpLink> : text}
                {fix === "fill-cells-with-zero" && !disabled && (
                  <button type="button" onClick={() => onFix(finding)} className="ml-2 rounded border border-gray-500 px-1 text-gray-900">
                    将空白单元格填为 0
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
