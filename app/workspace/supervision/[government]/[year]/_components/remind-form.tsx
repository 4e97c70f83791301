"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionResult, type ActionOutcome } from "@/components/action-result";
import { remindUnitsAction } from "@/lib/supervision/actions";

/** What was sent, and which units were not reminded again today and why. */
function sentMessage({ units, people, refused }: { units: number; people: number; refused: { name: string; message: string }[] }): string {
  const notSent = refused.map((unit) => `${unit.name}${unit.message}。`).join("");
  return `已向 ${units} 个单位的 ${people} 位填报人和审核人催报。${notSent}`;
}

/** 催报: the units ticked in the board's table (their checkboxes belong to this form), with an optional message. */
export function RemindForm({ governmentSlug, year }: { governmentSlug: string; year: number }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionOutcome | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      id="remind-form"
      className="mt-4 space-y-2 rounded border border-gray-300 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const organizationIds = form.getAll("organizationIds").map(String);
        const message = String(form.get("message") ?? "");
        startTransition(async () => {
          const outcome = await remindUnitsAction({ governmentSlug, year, organizationIds, message });
          setResult(outcome);
          setSent(outcome.ok ? sentMessage(outcome.data) : null);
          if (outcome.ok) router.refresh();
        });
      }}
    >
      <h2 className="font-semibold">催报</h2>
      <p>在上表中勾选单位，向其填报人和审核人发送提醒（站内通知；已配置邮件服务时同时发送邮件）。每个单位每天最多催报一次。</p>
      <label className="block">
        附言（可不填）
        <textarea name="message" maxLength={500} rows={2} className="block w-full max-w-xl rounded border border-gray-400 p-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1 text-white">
        催报所选单位
      </button>
      <ActionResult result={result} {...(sent ? { successMessage: sent } : {})} />
    </form>
  );
}
