import type { RevisionDiff } from "@/lib/reports/revision-diff";

const show = (value: number | string | null) => (value === null || value === "" ? "（空）" : String(value));

/** Changed fields, cells (old → new) and paragraphs (removed / added). */
export function DiffView({ diff, labels = ["修改前", "修改后"] }: { diff: RevisionDiff; labels?: readonly [string, string] }) {
  if (diff.fields.length + diff.cells.length + diff.sections.length === 0) return <p className="text-sm">内容没有变化。</p>;
  return (
    <div className="space-y-4 text-sm">
      {(diff.fields.length > 0 || diff.cells.length > 0) && (
        <table className="w-full border-collapse">
          <caption className="sr-only">修改的项目</caption>
          <thead>
            <tr>
              <th scope="col" className="border p-1 text-left">项目</th>
              <th scope="col" className="border p-1 text-left">{labels[0]}</th>
              <th scope="col" className="border p-1 text-left">{labels[1]}</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.label}>
                <th scope="row" className="border p-1 text-left font-normal">{f.label}</th>
                <td className="border p-1">{show(f.before)}</td>
                <td className="border p-1">{show(f.after)}</td>
              </tr>
            ))}
            {diff.cells.map((c) => (
              <tr key={c.key}>
                <th scope="row" className="border p-1 text-left font-normal">{c.name}</th>
                <td className="border p-1">{show(c.before)}</td>
                <td className="border p-1">{show(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.sections.map((section) => (
        <div key={section.key}>
          <h3 className="font-semibold">{section.heading}</h3>
          {section.parts
            .filter((part) => part.kind !== "same")
            .map((part, i) =>
              part.lines.map((line, j) =>
                part.kind === "added" ? (
                  <ins key={`${i}-${j}`} className="block bg-green-50 no-underline">＋ {line}</ins>
                ) : (
                  <del key={`${i}-${j}`} className="block bg-red-50">－ {line}</del>
                ),
              ),
            )}
        </div>
      ))}
    </div>
  );
}
