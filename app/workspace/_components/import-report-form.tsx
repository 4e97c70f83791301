"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FindingDetail } from "@/components/findings/finding-detail";
import { ReportDocument } from "@/components/report/report-document";
import { findingId, getFormat } from "@/lib/report-format";
import type { ImportPreview } from "@/lib/reports/import-from-file";

interface Answer {
  ok: boolean;
  message: string;
  data?: unknown;
}

async function post(body: FormData): Promise<Answer> {
  return fetch("/workspace/reports/import", { method: "POST", body })
    .then((response) => response.json() as Promise<Answer>)
    .catch(() => ({ ok: false, message: "网络错误，未能上传，请重试" }));
}

function IssueList({ title, items }: { title: string; items: ImportPreview["unplaced"] }) {
  if (items.length === 0) return null;
  return (
    <div className="mb-3">
      <h4 className="font-semibold">{title}（{items.length}）</h4>
      <ul className="list-disc pl-5 text-sm">
        {items.map((item, i) => (
          <li key={i}>
            {item.place ? `${item.place}：` : ""}
            {item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * 开始填报 → 从文件导入: the clerk picks the year and the file, sees what the
 * file holds in the official layout with everything that could not be read
 * and the findings, and confirms (the same file is sent again) or cancels.
 */
export function ImportReportForm({ organizationId, years, defaultYear }: { organizationId: string; years: number[]; defaultYear: number }) {
  const router = useRouter();
  const [year, setYear] = useState(defaultYear);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [confirmMismatch, setConfirmMismatch] = useState(false);
  const [message, setMessage] = useState<Answer | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `import-${organizationId}`;

  const send = (step: "preview" | "import") => {
    if (!file) return;
    const body = new FormData();
    body.set("file", file);
    body.set("organizationId", organizationId);
    body.set("year", String(year));
    body.set("step", step);
    if (confirmMismatch) body.set("confirmMismatch", "1");
    startTransition(async () => {
      const answer = await post(body);
      setMessage(answer);
      if (!answer.ok) return;
      if (step === "preview") setPreview(answer.data as ImportPreview);
      else router.push(`/workspace/reports/${(answer.data as { reportId: string }).reportId}`);
    });
  };
  const cancel = () => {
    setPreview(null);
    setMessage(null);
    setConfirmMismatch(false);
  };
  const format = preview ? getFormat(preview.formatVersion) : null;
  const errors = preview?.findings.filter((f) => f.severity === "error").length ?? 0;

  return (
    <section aria-labelledby={`${id}-heading`} className="mt-3 rounded border border-gray-300 p-3">
      <h3 id={`${id}-heading`} className="mb-2 font-semibold">从文件导入</h3>
      <p className="mb-2 text-sm text-gray-700">已有报告的 Word 文档（.docx）、门户网站上另存的网页（.html）或纯文本（.txt）时，可从文件开始填报：先预览，确认后导入为草稿，再经审核发布。</p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          send("preview");
        }}
      >
        <div>
          <label htmlFor={`${id}-year`} className="block text-sm">导入年度</label>
          <select id={`${id}-year`} value={year} onChange={(e) => { setYear(Number(e.target.value)); cancel(); }} className="rounded border border-gray-400 px-2 py-1">
            {years.map((y) => (
              <option key={y} value={y}>{y}年度</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm">报告文件</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".docx,.html,.htm,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); cancel(); }}
            className="block text-sm"
          />
        </div>
        <button type="submit" disabled={pending || !file} className="rounded bg-blue-800 px-3 py-1 text-white disabled:opacity-50">
          {pending && !preview ? "正在读取…" : "预览"}
        </button>
      </form>
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        {message && <p className={message.ok ? "text-green-800" : "text-red-800"}>{message.message}</p>}
      </div>

      {preview && format && (
        <div className="mt-4 space-y-3 border-t pt-3" aria-label="导入预览">
          <p className="text-sm">
            文件：{preview.fileName}（{preview.readAs}）。以下为读取结果，尚未保存。
            {preview.warnings.map((warning) => (
              <span key={warning} className="block text-amber-900">未读取：{warning}</span>
            ))}
          </p>
          {preview.mismatch && (
            <div className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
              <p>{preview.mismatch}。</p>
              <label className="mt-1 flex items-center gap-1">
                <input type="checkbox" checked={confirmMismatch} onChange={(e) => setConfirmMismatch(e.target.checked)} />
                我已核对，这是本单位{year}年度的报告
              </label>
            </div>
          )}
          <IssueList title="无法识别的内容" items={preview.unplaced} />
          <IssueList title="推断的内容（请核对）" items={preview.guessed} />
          <IssueList title="读取说明" items={preview.notes} />
          <div>
            <h4 className="font-semibold">
              校验结果：阻断性错误 {errors} 项，提示 {preview.findings.length - errors} 项（导入后可在编辑页修改）
            </h4>
            <ul className="space-y-2 text-sm">
              {preview.findings.map((finding) => (
                <li key={findingId(finding)}>
                  <FindingDetail format={format} finding={finding} />
                </li>
              ))}
            </ul>
          </div>
          <div className="rounded border border-gray-200 p-3">
            <ReportDocument
              format={format}
              title={preview.title}
              sections={preview.sections}
              values={preview.values}
              signatureLine={preview.signatureLine}
              signedOn={preview.signedOn}
            />
          </div>
          <div className="flex gap-3">
            <button
              type="button"
              disabled={pending || (preview.mismatch !== null && !confirmMismatch)}
              onClick={() => send("import")}
              className="rounded bg-green-800 px-3 py-1 text-white disabled:opacity-50"
            >
              确认导入为草稿
            </button>
            <button type="button" onClick={cancel} className="rounded border border-gray-600 px-3 py-1">
              取消
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
