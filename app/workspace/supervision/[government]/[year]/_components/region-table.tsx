import Link from "next/link";
import type { RegionRow } from "@/lib/supervision/region-summary";

const percent = (n: number, of: number) => (of === 0 ? "—" : `${Math.round((n * 1000) / of) / 10}%`);

/** The governments below this one, each over its whole subtree, with the way down to its own board. */
export function RegionTable({ regions, year }: { regions: readonly RegionRow[]; year: number }) {
  if (regions.length === 0) return null;
  const total = regions.reduce(
    (sum, r) => ({
      units: sum.units + r.units,
      published: sum.published + r.publishedOnTime + r.publishedLate,
      late: sum.late + r.publishedLate + r.overdue,
      notStarted: sum.notStarted + r.notStarted,
    }),
    { units: 0, published: 0, late: 0, notStarted: 0 },
  );
  return (
    <section aria-labelledby="regions" className="mb-8">
      <h2 id="regions" className="mb-2 text-lg font-bold">下级政府</h2>
      <p className="mb-2 text-sm text-gray-700">
        下级政府及其所属单位共 {total.units} 个：已发布 {total.published}（{percent(total.published, total.units)}），逾期（含逾期发布） {total.late}（{percent(total.late, total.units)}），未开始 {total.notStarted}（{percent(total.notStarted, total.units)}）。
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">下级政府{year}年度报告进度（含其部门和下级单位）</caption>
          <thead>
            <tr>
              {["地区", "单位数", "已发布", "其中逾期发布", "逾期未发布", "未开始"].map((label) => (
                <th key={label} scope="col" className="border bg-gray-100 p-1 text-left">{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => {
              const published = r.publishedOnTime + r.publishedLate;
              return (
                <tr key={r.organization.id} data-region={r.organization.slug} className={r.overdue > 0 ? "bg-red-50" : undefined}>
                  <th scope="row" className="min-w-[8em] border p-1 text-left font-normal">
                    <Link className="text-blue-800 underline" href={`/workspace/supervision/${r.organization.slug}/${year}`}>{r.organization.name}</Link>
                  </th>
                  <td className="border p-1 text-right">{r.units}</td>
                  <td className="border p-1 text-right" data-field="published">{published}（{percent(published, r.units)}）</td>
                  <td className="border p-1 text-right">{r.publishedLate}</td>
                  <td className="border p-1 text-right" data-field="overdue">
                    {r.overdue > 0 ? <strong className="text-red-800">{r.overdue}（{percent(r.overdue, r.units)}）</strong> : 0}
                  </td>
                  <td className="border p-1 text-right" data-field="not-started">{r.notStarted}（{percent(r.notStarted, r.units)}）</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
