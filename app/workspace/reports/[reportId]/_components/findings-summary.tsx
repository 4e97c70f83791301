"use client";

import type { Finding } from "@/lib/report-format";

/** The rule findings at a glance, each linked to the place it concerns. */
export function FindingsSummary({
  findings,
  emptyCells,
  inputErrors,
  onFillEmpty,
  disabled,
}: {
  findings: Finding[];
  emptyCells: number;
  inputErrors: number;
  onFillEmpty: () => void;
  disabled: boolean;
}) {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const target = (f: Finding) => (f.cells[0] ? `#cell-${f.cells[0]}` : f.field ? `#field-${f.field}` : undefined);
  return (
    <section aria-labelledby="findings-heading" className="mb-6 rounded border border-gray-300 p-3">
      <h2 id="findings-heading" className="mb-2 font-semibold">
        校验结果：阻断性错误 {errors.length + inputErrors} 项，提示 {warnings.length} 项
      </h2>
      <div role="status" aria-live="polite" className="space-y-1 text-sm">
        {inputErrors > 0 && <p className="text-red-800">有 {inputErrors} 处输入不符合要求，请按提示修改（修改前不会自动保存）。</p>}
        {emptyCells > 0 && (
          <p>
            尚有 {emptyCells} 个单元格未填写（没有数据请填 0）。
            {!disabled && (
              <button type="button" onClick={onFillEmpty} className="ml-2 underline">
                将空白单元格填为 0
              </button>
            )}
          </p>
        )}
        <ul className="space-y-1">
          {[...errors, ...warnings].map((finding) => {
            const href = target(finding);
            const text = `${finding.severity === "error" ? "错误" : "提示"}（${finding.rule}）：${finding.message}`;
            return (
              <li key={finding.message} className={finding.severity === "error" ? "text-red-800" : "text-amber-800"}>
                {href ? <a href={href} className="underline">{text}</a> : text}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
