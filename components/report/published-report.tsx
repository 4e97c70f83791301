import type { PublishedReportView } from "@/lib/reports/queries";
import { PublicationDetails } from "./publication-details";
import { ReportDocument } from "./report-document";

/** A published revision as citizens read it: catalog details, then the report. */
export function PublishedReport({ report }: { report: PublishedReportView }) {
  return (
    <>
      <PublicationDetails report={report} />
      <ReportDocument
        format={report.format}
        title={report.title}
        sections={report.sections}
        values={report.values}
        signatureLine={report.signatureLine}
        signedOn={report.signedOn}
      />
    </>
  );
}
