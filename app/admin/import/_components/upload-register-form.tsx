"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/**
 * The register's files go to the upload route; the preview opens on its own
 * page. Without script the form posts itself and the route answers with the
 * preview (or the reason it could not read the files).
 */
export function UploadRegisterForm() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      method="post"
      action="/admin/import/upload"
      encType="multipart/form-data"
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const body = new FormData(event.currentTarget);
        setMessage(null);
        startTransition(async () => {
          const answer = await fetch("/admin/import/upload", { method: "POST", body, headers: { Accept: "application/json" } })
            .then((response) => response.json() as Promise<{ ok: boolean; message: string; data?: { uploadId: string } }>)
            .catch(() => ({ ok: false, message: "网络错误，未能上传，请重试" }) as { ok: false; message: string; data?: undefined });
          if (answer.ok && answer.data) router.push(`/admin/import/${answer.data.uploadId}`);
          else setMessage(answer.message);
        });
      }}
    >
      <label className="block text-sm">
        名录文件（.xlsx；或 CSV，单位表和账号表可同时选择两个文件）
        <input
          type="file"
          name="file"
          multiple
          required
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby="upload-register-message"
          className="mt-1 block w-full text-sm"
        />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1 text-white">
        {pending ? "正在读取…" : "上传并预览"}
      </button>
      <div id="upload-register-message" role="status" aria-live="polite" className="text-sm">
        {message && <p className="text-red-800">{message}</p>}
      </div>
    </form>
  );
}
