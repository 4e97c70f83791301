"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { ActionResult, type ActionOutcome } from "@/components/action-result";
import { approveReportAction, publishReportAction, returnReportAction } from "@/lib/reports/steps/actions";

type Result = ActionOutcome;

/** The reviewer's decision: return with comments, approve, or publish. */
export function ReviewActions({
  reportId,
  revisionNumber,
  can,
  blockedReason,
  targets,
  submitter,
}: {
  reportId: string;
  revisionNumber: number;
  can: { decide: boolean; approveAndPublish: boolean; publish: boolean; returnReport: boolean };
  blockedReason: string | null;
  targets: { value: string; label: string }[];
  /** Who submitted the revision: named in the confirmation after 退回. */
  submitter: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const [comments, setComments] = useState([{ target: "", body: "" }]);
  const commentBoxes = useRef<(HTMLTextAreaElement | null)[]>([]);
  /** The comment box to focus once it is rendered. */
  const focusNext = useRef<number | null>(null);
  const focusBox = (i: number) => {
    const box = commentBoxes.current[i];
    box?.scrollIntoView({ block: "center" });
    box?.focus({ preventScroll: true });
  };
  // The reviewer comments where they read: a click (or Enter) on a cell, a
  // section or the title of the report below opens a comment on that place.
  useEffect(() => {
    if (!can.returnReport) return;
    const open = (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest<HTMLElement>("[data-comment-target]");
      if (!button) return;
      const target = button.dataset.commentTarget ?? "";
      setComments((current) => {
        const existing = current.findIndex((c) => c.target === target);
        if (existing >= 0) {
          focusNext.current = existing;
          return [...current];
        }
        // An untouched overall comment gives way to the first place clicked.
        const blank = current.length === 1 && !current[0]!.target && !current[0]!.body.trim();
        const next = blank ? [{ target, body: "" }] : [...current, { target, body: "" }];
        focusNext.current = next.length - 1;
        return next;
      });
    };
    document.addEventListener("click", open);
    return () => document.removeEventListener("click", open);
  }, [can.returnReport]);
  useEffect(() => {
    if (focusNext.current === null) return;
    focusBox(focusNext.current);
    focusNext.current = null;
  }, [comments]);
  const labelOf = (target: string) => targets.find((t) => t.value === target)?.label ?? target;
  // What happened and what happens next: kept after the page refreshes and the buttons are gone.
  const [done, setDone] = useState<string | null>(null);
  const run = (action: () => Promise<Result>, confirmation: string) =>
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome.ok ? null : outcome);
      if (outcome.ok) {
        setDone(confirmation);
        router.refresh();
      }
    });
  const setComment = (i: number, patch: Partial<{ target: string; body: string }>) =>
    setComments(comments.map((c, j) => (i === j ? { ...c, ...patch } : c)));

  if (done) {
    return (
      <p role="status" className="mb-6 rounded border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-900">
        {done}
      </p>
    );
  }
  if (!can.decide && !can.publish && !can.returnReport) {
    return blockedReason ? <p className="mb-6 text-amber-800">{blockedReason}</p> : null;
  }
  return (
    <section aria-labelledby="decision" className="mb-6 rounded border-2 border-blue-800 p-3">
      <h2 id="decision" className="mb-2 font-semibold">审核决定</h2>
      {can.decide && (
        <div className="mb-3 flex flex-wrap gap-2">
          <button type="button" disabled={pending} onClick={() => run(() => approveReportAction({ reportId, revisionNumber, publish: false }), "已审核通过；报告等待发布，发布后公众才能看到。")} className="rounded bg-green-800 px-3 py-1 text-white">
            审核通过
          </button>
          {can.approveAndPublish && (
            <button type="button" disabled={pending} onClick={() => run(() => approveReportAction({ reportId, revisionNumber, publish: true }), "已审核通过并发布；公众现在可以看到这份报告。")} className="rounded bg-green-900 px-3 py-1 text-white">
              审核通过并发布
            </button>
          )}
        </div>
      )}
      {can.publish && (
        <button type="button" disabled={pending} onClick={() => run(() => publishReportAction({ reportId, revisionNumber }), "已发布；公众现在可以看到这份报告。")} className="mb-3 rounded bg-green-900 px-3 py-1 text-white">
          发布
        </button>
      )}
      {can.returnReport && (
        <fieldset className="space-y-2 border-t pt-2">
          <legend className="font-semibold">退回修改</legend>
          <p className="text-sm text-gray-700">在下方报告全文中点击要提意见的数字、部分或标题；不点击则为整体意见。</p>
          {comments.map((comment, i) => (
            <div key={i} className="grid gap-1 sm:grid-cols-[16rem_1fr]">
              <p className="text-sm">
                意见{i + 1}针对：<strong>{comment.target ? labelOf(comment.target) : "整体意见"}</strong>
                {comments.length > 1 && (
                  <button type="button" onClick={() => setComments(comments.filter((_, j) => j !== i))} className="ml-2 text-xs underline">
                    删除
                  </button>
                )}
              </p>
              <label className="text-sm">
                意见{i + 1}
                <span className="sr-only">（针对{comment.target ? labelOf(comment.target) : "整体"}）</span>
                <textarea
                  ref={(el) => {
                    commentBoxes.current[i] = el;
                  }}
                  rows={2}
                  value={comment.body}
                  onChange={(e) => setComment(i, { body: e.target.value })}
                  className="block w-full rounded border border-gray-400 p-1"
                />
              </label>
            </div>
          ))}
          <div className="flex gap-2">
            <button type="button" onClick={() => setComments([...comments, { target: "", body: "" }])} className="underline">
              再加一条意见
            </button>
            <button
              type="button"
              disabled={pending}
              onClick={() =>
                run(
                  () =>
                    returnReportAction({
                      reportId,
                      revisionNumber,
                      comments: comments.filter((c) => c.body.trim()).map((c) => ({ target: c.target || null, body: c.body })),
                    }),
                  `已退回给填报人${submitter ? ` ${submitter}` : ""}；修改后重新提交，您会在待办中再次看到它。`,
                )
              }
              className="rounded bg-amber-700 px-3 py-1 text-white"
            >
              退回
            </button>
          </div>
        </fieldset>
      )}
      <ActionResult result={result} />
    </section>
  );
}
