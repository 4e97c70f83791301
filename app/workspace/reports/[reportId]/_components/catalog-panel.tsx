"use client";

import { useState } from "react";
import { CountsTable } from "@/components/catalog/counts-table";
import type { CatalogForReport } from "@/lib/catalog/report-comparison";
import { proactiveDisclosureSentence } from "@/lib/catalog/report-measures";

/**
 * The report year's figures from the unit's disclosure catalog, each linked
 * to the items behind it. A figure goes into its table-二 cell through the
 * editor's own state (so autosave saves it), and the summary sentence into
 * the narrative's （一）主动公开.
 */
export function CatalogPanel({
  catalog,
  raw,
  disabled,
  onFill,
  overviewHeading,
  onAppendToOverview,
}: {
  catalog: CatalogForReport;
  raw: Readonly<Record<string, string>>;
  disabled: boolean;
  onFill: (cell: string, value: string) => void;
  /** The heading of the section the summary sentence goes into (一、总体情况). */
  overviewHeading: string;
  onAppendToOverview: (text: string) => void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const { counts, organizationSlug, organizationShortName } = catalog;
  const sentence = proactiveDisclosureSentence(organizationShortName, counts);
  const base = `/catalog/${organizationSlug}/stats/${counts.year}`;
  return (
    <section aria-labelledby="catalog-panel" className="mb-6 rounded border border-gray-300 p-3">
      <h2 id="catalog-panel" className="mb-1 font-semibold">信息公开目录统计（{counts.year}年）</h2>
      <p className="mb-2 text-sm text-gray-700">
        按发布日期（北京时间）统计本单位已发布的目录信息，草稿和待审核的不计入。点击数字查看对应信息。
      </p>
      <CountsTable
        counts={counts}
        linkTo={(measure, category) => `${base}?measure=${measure}${category ? `&category=${category}` : ""}#items`}
        actionFor={(cell, value, label) =>
          (raw[cell] ?? "").trim() === String(value) ? (
            <span className="ml-2 text-green-800" title="与报告一致">✓<span className="sr-only">与报告一致</span></span>
          ) : disabled ? (
            <span className="ml-2 text-amber-800">报告为{raw[cell] || "空"}</span>
          ) : (
            <button
              type="button"
              className="ml-2 rounded border border-blue-800 px-1 text-blue-800"
              aria-label={`将${value}填入表二“${label}”`}
              onClick={() => {
                onFill(cell, String(value));
                setNotice(`已将${value}填入表二“${label}”`);
              }}
            >
              填入
            </button>
          )
        }
      />
      <div className="mt-3 text-sm">
        <p className="rounded bg-gray-50 p-2">{sentence}</p>
        {!disabled && (
          <button
            type="button"
            className="mt-1 rounded border border-blue-800 px-2 text-blue-800"
            onClick={() => {
              onAppendToOverview(sentence);
              setNotice(`已将该段文字加到“${overviewHeading}”末尾，请移到（一）主动公开下并修改`);
            }}
          >
            加到“{overviewHeading}”
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" className="mt-1 text-sm text-green-800">{notice}</p>
    </section>
  );
}
