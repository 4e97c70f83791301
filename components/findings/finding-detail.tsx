import { normaliseText, type Finding, type ReportFormat } from "@/lib/report-format";

/** “错误（申请数勾稽关系）” — the rule's Chinese name, never its id. */
export function findingLabel(format: ReportFormat, finding: Finding): string {
  return `${finding.severity === "error" ? "错误" : "提示"}（${format.rules.meta[finding.rule].name}）`;
}

/** The sentence quoted, its figure (or passage) marked. */
function Quote({ quote }: { quote: NonNullable<Finding["quote"]> }) {
  const { text, mark } = quote;
  if (!mark) return <>{text}</>;
  return (
    <>
      {text.slice(0, mark.start)}
      <mark className="bg-amber-200 px-0.5">{text.slice(mark.start, mark.end)}</mark>
      {text.slice(mark.end)}
    </>
  );
}

/**
 * One finding in full: what is wrong, the sentence it is about with the
 * figure marked, and — for text left from last year or copied — the other
 * text beside it.
 */
export function FindingDetail({ format, finding }: { format: ReportFormat; finding: Finding }) {
  const tone = finding.severity === "error" ? "text-red-800" : "text-amber-900";
  // The same words on both sides say nothing more side by side: the quote, and a note where they come from.
  const same = finding.beside && finding.quote && normaliseText(finding.beside.text) === normaliseText(finding.quote.text);
  const beside = same ? undefined : finding.beside;
  return (
    <div className="space-y-1">
      <p className={tone}>
        {findingLabel(format, finding)}：{finding.message}
        {finding.peer && <span className="text-gray-800">（{finding.peer.unitName}）</span>}
      </p>
      {finding.quote && !beside && (
        // Scrolls when long: focusable, so a keyboard can scroll it too.
        <blockquote tabIndex={0} className="max-h-40 overflow-y-auto whitespace-pre-line border-l-4 border-amber-400 pl-2 text-gray-900">
          <Quote quote={finding.quote} />
          {same && <span className="block text-xs text-gray-700">（与{finding.beside!.label}完全相同）</span>}
        </blockquote>
      )}
      {beside && (
        <div className="grid gap-2 sm:grid-cols-2">
          <figure className="border-l-4 border-amber-400 pl-2">
            <figcaption className="text-xs text-gray-700">本报告</figcaption>
            <p tabIndex={0} className="max-h-40 overflow-y-auto whitespace-pre-line text-gray-900">{finding.quote ? <Quote quote={finding.quote} /> : "—"}</p>
          </figure>
          <figure className="border-l-4 border-gray-400 pl-2">
            <figcaption className="text-xs text-gray-700">{beside.label}</figcaption>
            <p tabIndex={0} className="max-h-40 overflow-y-auto whitespace-pre-line text-gray-900">{beside.text}</p>
          </figure>
        </div>
      )}
    </div>
  );
}
