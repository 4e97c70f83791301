"use client";

import type { Finding, ReportFormat } from "@/lib/report-format";
import { NarrativeFindings } from "./narrative-findings";

/** A text part (a narrative section, the preamble) as plain text; the customary sub-headings can be inserted to start from. */
export function NarrativeField({
  section,
  value,
  disabled,
  error,
  notes = [],
  format,
  findings = [],
  onChange,
}: {
  format: ReportFormat;
  findings?: readonly Finding[];
  /** The part's key, its printed label (“一、总体情况”, “前言”) and customary sub-headings. */
  section: { key: string; label: string; subheadings: readonly string[] };
  value: string;
  disabled: boolean;
  error?: string;
  notes?: string[];
  onChange: (value: string) => void;
}) {
  const id = `field-section-${section.key}`;
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {section.label}（正文）
      </label>
      <textarea
        id={id}
        value={value}
        disabled={disabled}
        rows={Math.min(24, Math.max(6, value.split("\n").length + 2))}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}${notes.length ? ` ${id}-notes` : ""}${findings.length ? ` ${id}-findings` : ""}`}
        className="w-full rounded border border-gray-400 p-2 leading-7"
      />
      <p id={`${id}-hint`} className="text-sm text-gray-600">
        每段一行；小标题单独成行，如“（一）主动公开”。按纯文本保存。
      </p>
      {notes.length > 0 && (
        <div id={`${id}-notes`} className="text-sm text-blue-900">
          {notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
      <NarrativeFindings id={`${id}-findings`} format={format} findings={findings} />
      {!disabled && section.subheadings.length > 0 && value.trim() === "" && (
        <button type="button" className="mt-1 text-sm underline" onClick={() => onChange(section.subheadings.join("\n\n"))}>
          插入常用小标题
        </button>
      )}
    </div>
  );
}
