"use client";

import type { SaveStatus } from "./editor-state";

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });

/** "已保存 hh:mm", or what is happening instead; announced to screen readers. */
export function SaveStatusLine({
  status,
  savedAt,
  message,
  version,
}: {
  status: SaveStatus;
  savedAt: string | null;
  message: string | null;
  version: number;
}) {
  const text = {
    saved: savedAt ? `已保存 ${time(savedAt)}` : "已保存",
    dirty: "有未保存的修改",
    saving: "正在保存…",
    error: message ?? "保存失败",
    conflict: "与他人的修改冲突，请在下方合并",
  }[status];
  return (
    <p role="status" aria-live="polite" data-save-status={status} data-version={version} className={status === "error" || status === "conflict" ? "text-red-800" : "text-gray-700"}>
      {text}
    </p>
  );
}
