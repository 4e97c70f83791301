"use client";

import { useState, useTransition } from "react";
import type { BackfillMatch, BackfillResult } from "@/lib/supervision/backfill";

interface Answer {
  ok: boolean;
  message: string;
  data?: unknown;
}

/** One file as uploaded, and the report files it holds (itself, or a zip's entries). */
interface Row {
  file: File;
  match: BackfillMatch;
  unitId: string;
  year: string;
  result: BackfillResult | null;
}

async function post(url: string, body: FormData): Promise<Answer> {
  return fetch(url, { method: "POST", body })
    .then((response) => response.json() as Promise<Answer>)
    .catch(() => ({ ok: false, message: "网络错误，请重试" }));
}

/**
 * Several files or one zip: each is matched to a unit and year from its
 * title (the supervisor corrects what is wrong), then back-filled — an
 * upload's files in one request — each with its own line in the result.
 */
export function BackfillPanel({ governmentSlug, units, years }: { governmentSlug: string; units: { id: string; name: string }[]; years: number[] }) {
  const url = `/workspace/supervision/${governmentSlug}/backfill/upload`;
  const [files, setFiles] = useState<File[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const match = () =>
    startTransition(async () => {
      const found: Row[] = [];
      const failures: string[] = [];
      for (const file of files) {
        const body = new FormData();
        body.set("file", file);
        body.set("step", "match");
        const answer = await post(url, body);
        if (!answer.ok) failures.push(`${file.name}：${answer.message}`);
        else
          for (const m of answer.data as BackfillMatch[]) {
            found.push({ file, match: m, unitId: m.unitId ?? "", year: m.year ? String(m.year) : "", result: null });
          }
      }
      setRows(found);
      setMessage(failures.length ? failures.join("；") : `已识别 ${found.length} 个文件，请核对单位和年度后补录`);
    });

  const backfill = () =>
    startTransition(async () => {
      const done = [...rows];
      // Each uploaded file once, with all of its reports still to back-fill: the server reads a zip once for them all.
      for (const file of new Set(rows.map((row) => row.file))) {
        const waiting = rows.flatMap((row, index) => (row.file === file && !row.result?.ok && row.match.readable ? [index] : []));
        if (waiting.length === 0) continue;
        const body = new FormData();
        body.set("file", file);
        body.set("step", "import");
        const choices = waiting.map((index) => {
          const row = rows[index]!;
          return { entry: row.match.name !== file.name ? row.match.name : null, unitId: row.unitId, year: Number(row.year) };
        });
        body.set("choices", JSON.stringify(choices));
        const answer = await post(url, body);
        waiting.forEach((index, i) => {
          const row = rows[index]!;
          const result = answer.ok ? (answer.data as BackfillResult[])[i]! : { name: row.match.name, ok: false, message: answer.message };
          done[index] = { ...row, result };
        });
      }
      setRows(done);
      const imported = done.filter((r) => r.result?.ok).length;
      setMessage(`补录 ${imported} 个，未补录 ${done.length - imported} 个（不能读取的文件 ${done.filter((r) => !r.match.readable).length} 个）`);
    });

  const update = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch, result: null } : row)));

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          match();
        }}
      >
        <div>
          <label htmlFor="backfill-files" className="block text-sm">报告文件（可多选，或一个 .zip）</label>
          <input
            id="backfill-files"
            type="file"
            multiple
            accept=".docx,.html,.htm,.txt,.zip"
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])]);
              setRows([]);
              setMessage(null);
            }}
            className="block text-sm"
          />
        </div>
        <button type="submit" disabled={pending || files.length === 0} className="rounded bg-blue-800 px-3 py-1 text-white disabled:opacity-50">
          识别单位和年度
        </button>
      </form>
      <p role="status" aria-live="polite" className="text-sm">{message}</p>

      {rows.length > 0 && (
        <>
          <table className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-semibold">待补录的文件</caption>
            <thead>
              <tr>
                <th scope="col" className="border p-1 text-left">文件</th>
                <th scope="col" className="border p-1 text-left">标题</th>
                <th scope="col" className="border p-1 text-left">单位</th>
                <th scope="col" className="border p-1 text-left">年度</th>
                <th scope="col" className="border p-1 text-left">结果</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.match.name}>
                  <th scope="row" className="border p-1 text-left font-normal">{row.match.name}</th>
                  <td className="border p-1">{row.match.title || "—"}</td>
                  <td className="border p-1">
                    <select
                      disabled={!row.match.readable}
                      aria-label={`${row.match.name} 的单位`}
                      value={row.unitId}
                      onChange={(e) => update(index, { unitId: e.target.value })}
                      className="rounded border border-gray-400"
                    >
                      <option value="">请选择</option>
                      {units.map((unit) => (
                        <option key={unit.id} value={unit.id}>{unit.name}</option>
                      ))}
                    </select>
                  </td>
                  <td className="border p-1">
                    <select
                      disabled={!row.match.readable}
                      aria-label={`${row.match.name} 的年度`}
                      value={row.year}
                      onChange={(e) => update(index, { year: e.target.value })}
                      className="rounded border border-gray-400"
                    >
                      <option value="">请选择</option>
                      {years.map((y) => (
                        <option key={y} value={y}>{y}年度</option>
                      ))}
                    </select>
                  </td>
                  <td className={`border p-1 ${row.result ? (row.result.ok ? "text-green-800" : "text-red-800") : "text-amber-900"}`}>
                    {row.result ? (row.result.ok ? row.result.message : `未补录：${row.result.message}`) : (row.match.problem ?? "待补录")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            disabled={pending || rows.some((row) => row.match.readable && (!row.unitId || !row.year))}
            onClick={backfill}
            className="rounded bg-green-800 px-3 py-1 text-white disabled:opacity-50"
          >
            补录
          </button>
        </>
      )}
    </div>
  );
}
