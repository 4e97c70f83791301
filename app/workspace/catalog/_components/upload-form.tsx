"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";

export interface UploadOutcome {
  ok: boolean;
  message: string;
  data?: unknown;
}

/**
 * Posts one file (and any hidden fields) to an upload route and shows its
 * answer. Uploading does not leave the page, so nothing typed elsewhere on it
 * is lost.
 */
export function UploadForm({
  action,
  label,
  accept,
  hidden = {},
  submitLabel,
  onResult,
}: {
  action: string;
  label: string;
  accept: string;
  hidden?: Record<string, string>;
  submitLabel: string;
  onResult?: (outcome: UploadOutcome) => void;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      ref={formRef}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const body = new FormData(event.currentTarget);
        for (const [key, value] of Object.entries(hidden)) body.set(key, value);
        startTransition(async () => {
          const answer: UploadOutcome = await fetch(action, { method: "POST", body })
            .then((response) => response.json() as Promise<UploadOutcome>)
            .catch(() => ({ ok: false, message: "网络错误，未能上传，请重试" }));
          setOutcome(answer);
          onResult?.(answer);
          if (answer.ok) {
            formRef.current?.reset();
            router.refresh();
          }
        });
      }}
    >
      <label className="text-sm">
        {label}
        <input type="file" name="file" accept={accept} required className="block text-sm" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1 text-white">
        {pending ? "正在上传…" : submitLabel}
      </button>
      <div role="status" aria-live="polite" className="w-full text-sm">
        {outcome && <p className={outcome.ok ? "text-green-800" : "text-red-800"}>{outcome.message}</p>}
      </div>
    </form>
  );
}
