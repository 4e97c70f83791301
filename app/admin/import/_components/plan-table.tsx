import { OUTCOME_LABELS } from "@/lib/register/outcome-labels";
import type { Outcome, OutcomeCounts } from "@/lib/register/types";

export interface PlanRow {
  row: number;
  label: string;
  key: string;
  outcome: Outcome;
  changes: string[];
  reasons: string[];
  notes: string[];
}

const OUTCOME_STYLE: Record<Outcome, string> = {
  new: "text-green-800",
  changed: "text-blue-800",
  unchanged: "text-gray-600",
  refused: "font-bold text-red-800",
};

export function countsText(counts: OutcomeCounts): string {
  return (Object.keys(OUTCOME_LABELS) as Outcome[]).map((outcome) => `${OUTCOME_LABELS[outcome]} ${counts[outcome]}`).join("，");
}

/** One table of the plan: every row with its outcome and why; refused rows stand out in colour and in words. */
export function PlanTable({
  id,
  title,
  columns,
  rows,
  counts,
}: {
  id: string;
  title: string;
  columns: { label: string; key: string };
  rows: PlanRow[];
  counts: OutcomeCounts;
}) {
  const total = counts.new + counts.changed + counts.unchanged + counts.refused;
  return (
    <div className="mb-6 overflow-x-auto" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table id={id} className="w-full min-w-[36rem] border-collapse text-sm">
        <caption id={`${id}-caption`} className="mb-1 text-left font-semibold">
          {title}（{total} 行：{countsText(counts)}）{rows.length < total && `，下面只列出被拒绝的 ${rows.length} 行`}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="border p-1 text-left">行号</th>
            <th scope="col" className="border p-1 text-left">{columns.label}</th>
            <th scope="col" className="border p-1 text-left">{columns.key}</th>
            <th scope="col" className="border p-1 text-left">结果</th>
            <th scope="col" className="border p-1 text-left">说明</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} data-outcome={row.outcome} className={row.outcome === "refused" ? "bg-red-50" : undefined}>
              <th scope="row" className="border p-1 text-left font-normal">第{row.row}行</th>
              <td className="border p-1">{row.label}</td>
              <td className="border p-1 break-all">{row.key}</td>
              <td className={`border p-1 whitespace-nowrap ${OUTCOME_STYLE[row.outcome]}`}>{OUTCOME_LABELS[row.outcome]}</td>
              <td className="border p-1">
                {row.reasons.length > 0 && (
                  <ul className="text-red-800">
                    {row.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                )}
                {row.changes.length > 0 && (
                  <ul>
                    {row.changes.map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                )}
                {row.notes.length > 0 && (
                  <ul className="text-gray-700">
                    {row.notes.map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
