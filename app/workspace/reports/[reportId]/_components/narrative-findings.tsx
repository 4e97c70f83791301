"use client";

import { FindingDetail } from "@/components/findings/finding-detail";
import { findingId, type Finding, type ReportFormat } from "@/lib/report-format";

/** The findings about one narrative section, beside it: each with its sentence and, where there is one, the text it repeats. */
export function NarrativeFindings({ id, format, findings }: { id: string; format: ReportFormat; findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul id={id} className="mt-2 space-y-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      {findings.map((finding) => (
        <li key={findingId(finding)} id={`finding-${findingId(finding)}`}>
          <FindingDetail format={format} finding={finding} />
        </li>
      ))}
    </ul>
  );
}
