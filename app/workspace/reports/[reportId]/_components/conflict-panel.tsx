"use client";

import { formatCells, textParts, type ReportFormat } from "@/lib/report-format";
import { rawOf, type ConflictInfo, type EditorState } from "./editor-state";

interface Difference {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

function differences(format: ReportFormat, state: EditorState, conflict: ConflictInfo): Difference[] {
  const theirs = conflict.content;
  const list: Difference[] = [
    { field: "title", label: "标题", mine: state.title, theirs: theirs.title },
    { field: "signatureLine", label: "落款", mine: state.signatureLine, theirs: theirs.signatureLine },
    { field: "signedOn", label: "落款日期", mine: state.signedOn, theirs: theirs.signedOn ?? "" },
    ...textParts(format).map((s) => ({
      field: `sections.${s.key}`,
      label: s.label,
      mine: state.sections[s.key] ?? "",
      theirs: theirs.sections[s.key] ?? "",
    })),
    ...formatCells(format)
      .filter((cell) => !cell.sum)
      .map((cell) => ({ field: `cells.${cell.key}`, label: cell.name, mine: state.raw[cell.key] ?? "", theirs: rawOf(theirs.values[cell.key]) })),
  ];
  return list.filter((d) => d.mine.trim() !== d.theirs.trim());
}

/**
 * A stale save: someone else saved first. Both versions are shown; nothing of
 * the clerk's input is dropped unless they choose the other version.
 */
export function ConflictPanel({
  format,
  state,
  conflict,
  onTakeTheirs,
  onKeepMine,
}: {
  format: ReportFormat;
  state: EditorState;
  conflict: ConflictInfo;
  onTakeTheirs: (field: string) => void;
  onKeepMine: () => void;
}) {
  const diffs = differences(format, state, conflict);
  return (
    <section role="alert" aria-labelledby="conflict-heading" className="mb-6 rounded border-2 border-red-700 bg-red-50 p-3">
      <h2 id="conflict-heading" className="font-semibold text-red-900">
        保存冲突：{conflict.savedBy ?? "他人"}已于 {new Date(conflict.savedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} 保存了新的版本
      </h2>
      <p className="my-2 text-sm">
        您的修改尚未保存，仍保留在本页。下面列出两个版本的不同之处：可逐项采用对方的内容，然后保存合并后的版本。
      </p>
      {diffs.length === 0 ? (
        <p className="text-sm">两个版本内容相同。</p>
      ) : (
        <table className="mb-3 w-full border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col" className="border p-1 text-left">项目</th>
              <th scope="col" className="border p-1 text-left">您的内容</th>
              <th scope="col" className="border p-1 text-left">已保存的内容</th>
              <th scope="col" className="border p-1"><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody>
            {diffs.map((d) => (
              <tr key={d.field}>
                <th scope="row" className="border p-1 text-left font-normal">{d.label}</th>
                <td className="border p-1 whitespace-pre-wrap">{d.mine || "（空）"}</td>
                <td className="border p-1 whitespace-pre-wrap">{d.theirs || "（空）"}</td>
                <td className="border p-1">
                  <button type="button" className="underline" onClick={() => onTakeTheirs(d.field)}>
                    采用已保存的内容<span className="sr-only">：{d.label}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={onKeepMine} className="rounded bg-red-800 px-3 py-1 text-white">
        保存合并后的版本
      </button>
    </section>
  );
}
