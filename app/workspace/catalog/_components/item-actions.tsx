"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionResult, type ActionOutcome } from "@/components/action-result";
import {
  approveCatalogItemAction,
  changeCatalogItemValidityAction,
  returnCatalogItemAction,
  submitCatalogItemAction,
  withdrawCatalogItemAction,
} from "@/lib/catalog/actions";
import type { WorkspaceItem } from "@/lib/catalog/workspace-queries";

/** The workflow steps this person may take on the item now. */
export function ItemActions({ item }: { item: Pick<WorkspaceItem, "id" | "version" | "can" | "approveBlockedReason" | "fields"> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionOutcome | null>(null);
  const [comment, setComment] = useState("");
  const [validity, setValidity] = useState(item.fields.validity);
  const [endedOn, setEndedOn] = useState(item.fields.validityEndedOn);
  const ref = { itemId: item.id, baseVersion: item.version };
  const run = (action: () => Promise<ActionOutcome>) =>
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome);
      if (outcome.ok) router.refresh();
    });
  const button = "rounded px-3 py-1 text-white disabled:opacity-50";
  return (
    <section aria-labelledby="item-actions" className="mb-6 rounded border-2 border-blue-800 p-3">
      <h2 id="item-actions" className="mb-2 font-semibold">办理</h2>
      <div className="flex flex-wrap gap-2">
        {item.can.submit && (
          <button type="button" disabled={pending} onClick={() => run(() => submitCatalogItemAction(ref))} className={`${button} bg-blue-800`}>
            提交审核
          </button>
        )}
        {item.can.withdraw && (
          <button type="button" disabled={pending} onClick={() => run(() => withdrawCatalogItemAction(ref))} className={`${button} bg-gray-700`}>
            撤回
          </button>
        )}
        {item.can.approve && (
          <button type="button" disabled={pending} onClick={() => run(() => approveCatalogItemAction(ref))} className={`${button} bg-green-800`}>
            审核通过并发布
          </button>
        )}
      </div>
      {item.approveBlockedReason && <p className="mt-2 text-sm text-amber-800">{item.approveBlockedReason}</p>}
      {item.can.review && (
        <div className="mt-3 border-t pt-2">
          <label className="block text-sm">
            退回意见
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} className="block w-full rounded border border-gray-500 p-1" />
          </label>
          <button type="button" disabled={pending} onClick={() => run(() => returnCatalogItemAction({ ...ref, comment }))} className={`${button} mt-1 bg-red-800`}>
            退回修改
          </button>
        </div>
      )}
      {item.can.changeValidity && (
        <fieldset className="mt-3 flex flex-wrap items-end gap-2 border-t pt-2">
          <legend className="text-sm font-semibold">变更有效性</legend>
          <label className="text-sm">
            有效性
            <select value={validity} onChange={(e) => setValidity(e.target.value as typeof validity)} className="block rounded border border-gray-500 px-2 py-1">
              <option value="VALID">有效</option>
              <option value="REPEALED">已废止</option>
              <option value="EXPIRED">已失效</option>
            </select>
          </label>
          <label className="text-sm">
            废止或失效日期
            <input type="date" value={endedOn} onChange={(e) => setEndedOn(e.target.value)} className="block rounded border border-gray-500 px-2 py-1" />
          </label>
          <button
            type="button"
            disabled={pending}
            onClick={() => run(() => changeCatalogItemValidityAction({ itemId: item.id, baseVersion: item.version, validity, validityEndedOn: validity === "VALID" ? "" : endedOn }))}
            className={`${button} bg-blue-800`}
          >
            保存有效性
          </button>
        </fieldset>
      )}
      <ActionResult result={result} successMessage="已办理" />
    </section>
  );
}
