import { findCell, getFormat, textParts } from "@/lib/report-format";
import type { EditorReport } from "@/lib/reports/editor-queries";
import { JumpLink } from "@/components/jump-link";

/** Where a reviewer's comment points, in words and as a link target. */
export function commentTarget(formatVersion: string, target: string | null): { label: string; href?: string } {
  if (!target) return { label: "整体意见" };
  const format = getFormat(formatVersion);
  if (target.startsWith("cells.")) {
    const cell = findCell(format, target.slice("cells.".length));
    return { label: cell?.name ?? target, href: `#cell-${target.slice("cells.".length)}` };
  }
  if (target.startsWith("sections.")) {
    const part = textParts(format).find((s) => s.key === target.slice("sections.".length));
    return { label: part?.label ?? target, href: `#field-section-${part?.key}` };
  }
  return { label: target === "title" ? "标题" : target === "signedOn" ? "落款日期" : target, href: `#field-${target}` };
}

export function ReturnComments({ report }: { report: EditorReport }) {
  if (report.returnComments.length === 0) return null;
  return (
    <section aria-labelledby="return-heading" className="mb-6 rounded border-2 border-amber-600 bg-amber-50 p-3">
      <h2 id="return-heading" className="mb-1 font-semibold">审核人退回意见</h2>
      <ul className="space-y-1 text-sm">
        {report.returnComments.map((comment) => {
          const target = commentTarget(report.formatVersion, comment.target);
          return (
            <li key={`${comment.createdAt}-${comment.body}`}>
              {target.href ? <JumpLink href={target.href}>{target.label}</JumpLink> : target.label}：{comment.body}
              <span className="ml-1 text-gray-600">（{comment.author}）</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
