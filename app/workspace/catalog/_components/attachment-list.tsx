"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { formatBytes } from "@/lib/catalog/attachment-types";
import { removeCatalogAttachmentAction } from "@/lib/catalog/actions";

/** A draft's files, each downloadable and, while editable, removable. */
export function AttachmentList({ attachments, editable }: { attachments: { id: string; fileName: string; size: number }[]; editable: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (attachments.length === 0) return <p className="text-sm">暂无附件。</p>;
  return (
    <>
      <ul className="list-disc space-y-1 pl-6 text-sm">
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={`/catalog/attachments/${a.id}`} className="text-blue-800 underline">{a.fileName}</a>（{formatBytes(a.size)}）
            {editable && (
              <button
                type="button"
                disabled={pending}
                className="ml-2 text-red-800 underline"
                onClick={() =>
                  startTransition(async () => {
                    const result = await removeCatalogAttachmentAction({ attachmentId: a.id });
                    setError(result.ok ? null : result.message);
                    if (result.ok) router.refresh();
                  })
                }
              >
                删除<span className="sr-only">附件{a.fileName}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="text-sm text-red-800">{error}</div>
    </>
  );
}
