import { findCell, formatChineseDate, sectionHeading, type ReportFormat, type ReportValues } from "@/lib/report-format";
import { formatCellValue } from "./format-value";
import { NarrativeSection } from "./narrative-section";
import { ReportTable } from "./report-table";

export interface ReportDocumentProps {
  format: ReportFormat;
  title: string;
  sections: Readonly<Record<string, string>>;
  values: ReportValues;
  signatureLine: string;
  signedOn: string | null;
  /**
   * The reviewer's reading: every cell, section, the title and the date is a
   * button that opens a comment on that place (handled by the review page's
   * decision panel, which listens for clicks on [data-comment-target]).
   */
  commentable?: boolean;
}

function CommentButton({ target, label, children }: { target: string; label: string; children?: React.ReactNode }) {
  return (
    <button
      type="button"
      data-comment-target={target}
      aria-label={label}
      className={children === undefined ? "ml-2 align-middle font-sans text-xs font-normal text-blue-800 underline" : "w-full underline decoration-dotted underline-offset-4 hover:bg-amber-50 focus:bg-amber-50"}
    >
      {children ?? "提意见"}
    </button>
  );
}

/** A report in the official layout: title, the six sections in order, signature. */
export function ReportDocument({ format, title, sections, values, signatureLine, signedOn, commentable = false }: ReportDocumentProps) {
  const cell = (key: string) => {
    const text = formatCellValue(values[key]);
    if (!commentable) return text;
    const name = findCell(format, key)?.name ?? key;
    return (
      <CommentButton target={`cells.${key}`} label={`对“${name}”提意见（${text || "空"}）`}>
        {text || "（空）"}
      </CommentButton>
    );
  };
  return (
    <article className="font-serif">
      <h1 className="mb-6 text-center text-2xl font-bold leading-relaxed">
        {title}
        {commentable && <CommentButton target="title" label="对标题提意见" />}
      </h1>
      {(sections[format.preamble.key] ?? "").trim() !== "" && (
        <div className="mb-6">
          <NarrativeSection text={sections[format.preamble.key] ?? ""} />
        </div>
      )}
      {format.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="mb-6">
          <h2 id={`section-${section.key}`} className="mb-2 text-lg font-bold">
            {sectionHeading(section)}
            {commentable && section.kind === "narrative" && (
              <CommentButton target={`sections.${section.key}`} label={`对“${sectionHeading(section)}”提意见`} />
            )}
          </h2>
          {section.kind === "narrative" ? (
            <NarrativeSection text={sections[section.key] ?? ""} />
          ) : (
            <div className="report-table-box" role="region" aria-label={section.heading} tabIndex={0}>
              <ReportTable
                table={section.table}
                caption={sectionHeading(section)}
                renderCell={cell}
              />
            </div>
          )}
        </section>
      ))}
      <footer className="mt-10 text-right leading-8">
        {signatureLine && <p>{signatureLine}</p>}
        {signedOn && (
          <p>
            {formatChineseDate(signedOn)}
            {commentable && <CommentButton target="signedOn" label="对落款日期提意见" />}
          </p>
        )}
      </footer>
    </article>
  );
}
