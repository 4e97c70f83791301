"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startReportAction } from "@/lib/reports/actions";

/** "Start this year's report", offering last year's report as the starting point. */
export function StartReportForm({
  organizationId,
  years,
  defaultYear,
  prefillableYears,
}: {
  organizationId: string;
  years: number[];
  /** The year due first (the most urgent not started). */
  defaultYear: number;
  prefillableYears: number[];
}) {
  const router = useRouter();
  const [year, setYear] = useState(defaultYear);
  const [prefill, setPrefill] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const canPrefill = prefillableYears.includes(year);

  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded border border-gray-300 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await startReportAction({ organizationId, year, prefill: canPrefill && prefill });
          if (result.ok) router.push(`/workspace/reports/${result.data.reportId}`);
          else setError(result.message);
        });
      }}
    >
      <div>
        <label htmlFor={`start-year-${organizationId}`} className="block text-sm">年度</label>
        <select
          id={`start-year-${organizationId}`}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          className="rounded border border-gray-400 px-2 py-1"
        >
          {years.map((y) => (
            <option key={y} value={y}>{y}年度</option>
          ))}
        </select>
      </div>
      {canPrefill && (
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={prefill} onChange={(e) => setPrefill(e.target.checked)} />
          以{year - 1}年度报告为基础（复制文字，结转数带入“上年结转”）
        </label>
      )}
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1 text-white">
        开始填报{year}年度报告
      </button>
      {error && <p role="alert" className="w-full text-sm text-red-800">{error}</p>}
    </form>
  );
}
