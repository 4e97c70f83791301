import Link from "next/link";
import { annualReportCatalog } from "@/lib/publication/catalog-metadata";
import { formatChineseDate, todayInChina } from "@/lib/report-format";
import type { PublishedReportView } from "@/lib/reports/queries";

const chinaDate = (date: Date) => formatChineseDate(todayInChina(date));

/** The catalog block portals print above a published document, and the 更正记录. */
export function PublicationDetails({ report }: { report: PublishedReportView }) {
  const base = `/reports/${report.organization.slug}/${report.year}`;
  const rows: [string, string][] = [
    ["索引号", report.indexNumber ?? ""],
    ["发布机构", report.organization.name],
    ["成文日期", report.signedOn ? formatChineseDate(report.signedOn) : ""],
    ["发布日期", chinaDate(report.publishedAt)],
    ["文号", ""],
    ["主题分类", annualReportCatalog.subject],
    ["组配分类", annualReportCatalog.category],
    ["公开方式", annualReportCatalog.disclosure],
    ["有效性", report.isLatest ? annualReportCatalog.validity : "已更正"],
  ];
  const corrections = report.history.slice(1);
  return (
    <>
      <dl aria-label="信息公开目录信息" className="mb-6 grid grid-cols-1 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="flex border-b py-1">
            <dt className="w-24 shrink-0 text-gray-600">{label}</dt>
            <dd data-field={label}>{value}</dd>
          </div>
        ))}
      </dl>
      {!report.isLatest && (
        <p className="mb-4 rounded border border-amber-600 bg-amber-50 p-2 text-sm">
          这是已被更正的第{report.edition}版。<Link href={base} className="underline">查看现行版本</Link>
        </p>
      )}
      {corrections.length > 0 && (
        <section aria-labelledby="corrections" className="mb-6 text-sm">
          <h2 id="corrections" className="font-semibold">更正记录</h2>
          <ul>
            {report.history.map((entry, i) => (
              <li key={entry.number}>
                {chinaDate(entry.publishedAt)}
                {i === 0 ? " 首次发布" : ` 更正：${entry.correctionReason ?? "（未说明原因）"}`}
                {entry.edition !== report.edition && (
                  <Link href={`${base}/revisions/${entry.edition}`} className="ml-2 underline">查看第{entry.edition}版</Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
