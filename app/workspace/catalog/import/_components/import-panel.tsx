"use client";

import { useState } from "react";
import type { ImportReport } from "@/lib/catalog/import/import-items";
import { UploadForm } from "../../_components/upload-form";

/** The upload and its row-by-row report. */
export function ImportPanel({ organizationId }: { organizationId: string }) {
  const [report, setReport] = useState<ImportReport | null>(null);
  return (
    <>
      <UploadForm
        action="/workspace/catalog/import/upload"
        label="导入文件"
        accept=".csv,.xlsx"
        hidden={{ organizationId }}
        submitLabel="导入"
        onResult={(outcome) => setReport(outcome.ok ? (outcome.data as ImportReport) : null)}
      />
      {report && report.refused.length > 0 && (
        <table className="mt-4 w-full border-collapse text-sm">
          <caption className="mb-1 text-left font-semibold">未导入的行（{report.refused.length}）</caption>
          <thead>
            <tr>
              <th scope="col" className="border p-1 text-left">行号</th>
              <th scope="col" className="border p-1 text-left">原因</th>
            </tr>
          </thead>
          <tbody>
            {report.refused.map((r) => (
              <tr key={r.row}>
                <th scope="row" className="border p-1 text-left font-normal">第{r.row}行</th>
                <td className="border p-1">{r.reasons.join("；")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
