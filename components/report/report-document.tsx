import { formatChineseDate, sectionHeading, type ReportFormat, type ReportValues } from "@/lib/report-format";
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
}

/** A report in the official layout: title, the six sections in order, signature. */
export function ReportDocument({ format, title, sections, values, signatureLine, signedOn }: ReportDocumentProps) {
  return (
    <article className="font-serif">
      <h1 className="mb-6 text-center text-2xl font-bold leading-relaxed">{title}</h1>
      {(sections[format.preamble.key] ?? "").trim() !== "" && (
        <div className="mb-6">
          <NarrativeSection text={sections[format.preamble.key] ?? ""} />
        </div>
      )}
      {format.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="mb-6">
          <h2 id={`section-${section.key}`} className="mb-2 text-lg font-bold">
            {sectionHeading(section)}
          </h2>
          {section.kind === "narrative" ? (
            <NarrativeSection text={sections[section.key] ?? ""} />
          ) : (
            <div className="report-table-box" role="region" aria-label={section.heading} tabIndex={0}>
              <ReportTable
                table={section.table}
                caption={sectionHeading(section)}
                renderCell={(key) => formatCellValue(values[key])}
              />
            </div>
          )}
        </section>
      ))}
      <footer className="mt-10 text-right leading-8">
        {signatureLine && <p>{signatureLine}</p>}
        {signedOn && <p>{formatChineseDate(signedOn)}</p>}
      </footer>
    </article>
  );
}
