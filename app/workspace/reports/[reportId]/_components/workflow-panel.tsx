"use client";

import type { ReportStatus } from "@/lib/generated/prisma/enums";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionResult, type ActionOutcome } from "@/components/action-result";
import { findingLabel } from "@/components/findings/finding-detail";
import { findingId, type Finding, type ReportFormat } from "@/lib/report-format";
import type { EditorReport } from "@/lib/reports/editor-queries";
import { startCorrectionAction, submitReportAction, withdrawReportAction } from "@/lib/reports/steps/actions";

type Result = ActionOutcome;

/**
 * The report's next step for this person: submit (with an explanation of each
 * warning), withdraw a submission, start a correction, or go to the review.
 */
/** What the clerk is told of each state; a Record, so a new state fails the type check until it is described. */
const whatHappensNext: Record<ReportStatus, string | null> = {
  DRAFT: null,
  SUBMITTED: "已提交，等待审核人审核。",
  APPROVED: "已审核通过，等待发布。",
  PUBLISHED: "已发布。如需修改，请发起更正；更正经审核发布前，公众仍看到已发布的版本。",
};

export function WorkflowPanel({
  report,
  format,
  baseVersion,
  saved,
  hasPendingInput,
  findings,
  blocking,
}: {
  format: ReportFormat;
  report: EditorReport;
  baseVersion: number;
  saved: boolean;
  /** Cells typed that the editor has not taken in yet (an old PC, typing fast): not saved either. */
  hasPendingInput: () => Record<string, string>;
  findings: Finding[];
  blocking: number;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [reason, setReason] = useState("");
  const warnings = findings.filter((f) => f.severity === "warning");
  const run = (action: () => Promise<Result>) =>
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome);
      if (outcome.ok) router.refresh();
    });

  return (
    <section aria-labelledby="workflow-heading" className="mb-6 rounded border border-gray-300 p-3">
      <h2 id="workflow-heading" className="mb-2 font-semibold">审核与发布</h2>
      {report.correctionReason && <p className="mb-2 text-amber-800">正在更正已发布的报告。更正原因：{report.correctionReason}</p>}
      {report.returned && (
        <p className="mb-2 font-semibold text-amber-900">已退回：请按审核人的意见修改后重新提交。</p>
      )}
      {whatHappensNext[report.status] && <p className="mb-2">{whatHappensNext[report.status]}</p>}

      {report.can.submit && (
        <div className="space-y-2">
          {blocking > 0 && <p className="text-red-800">存在 {blocking} 项阻断性错误（见下方校验结果），修改后才能提交。</p>}
          {warnings.length > 0 && <p>以下提示需要逐项说明后才能提交：</p>}
          {warnings.map((warning) => {
            const id = findingId(warning);
            return (
              <div key={id}>
                <label htmlFor={`explain-${id}`} className="block text-sm text-amber-900">
                  {findingLabel(format, warning)}：{warning.message}
                  {warning.quote && <span className="block text-gray-800">“{warning.quote.text.slice(0, 80)}{warning.quote.text.length > 80 ? "…" : ""}”</span>}
                </label>
                <textarea
                  id={`explain-${id}`}
                  rows={2}
                  value={explanations[id] ?? ""}
                  onChange={(e) => setExplanations({ ...explanations, [id]: e.target.value })}
                  className="w-full rounded border border-gray-400 p-1 text-sm"
                />
              </div>
            );
          })}
          <button
            type="button"
            disabled={pending || blocking > 0 || !saved}
            onClick={() =>
              Object.keys(hasPendingInput()).length > 0
                ? setResult({ ok: false, message: "最新的输入尚未保存，请稍候片刻再提交" })
                : run(() => submitReportAction({ reportId: report.id, baseVersion, explanations }))
            }
            className="rounded bg-green-800 px-3 py-1 text-white disabled:opacity-50"
          >
            提交审核
          </button>
          {!saved && <span className="ml-2 text-sm text-gray-700">（保存完成后可提交）</span>}
        </div>
      )}
      {report.can.withdraw && (
        <button type="button" disabled={pending} onClick={() => run(() => withdrawReportAction({ reportId: report.id }))} className="rounded border border-gray-600 px-3 py-1">
          撤回提交
        </button>
      )}
      {report.can.correct && (
        <div className="space-y-1">
          <label htmlFor="correction-reason" className="block text-sm">更正原因</label>
          <textarea id="correction-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} className="w-full rounded border border-gray-400 p-1 text-sm" />
          <button type="button" disabled={pending} onClick={() => run(() => startCorrectionAction({ reportId: report.id, reason }))} className="rounded border border-gray-600 px-3 py-1">
            发起更正
          </button>
        </div>
      )}
      {report.can.review && (
        <Link href={`/workspace/reports/${report.id}/review`} className="text-blue-800 underline">
          前往审核
        </Link>
      )}
      <ActionResult result={result} />
    </section>
  );
}
