import { catalogCategories } from "@/lib/catalog/categories";
import type { CatalogFilters } from "@/lib/catalog/listing-filters";

/** Search and narrow a catalog: a plain GET form, no script needed. */
export function CatalogFilterForm({
  action,
  filters,
  units,
  unit,
}: {
  action: string;
  filters: CatalogFilters;
  /** Offered when searching across units. */
  units?: { slug: string; shortName: string }[];
  unit?: string;
}) {
  const field = "block w-full rounded border border-gray-500 px-2 py-1";
  return (
    <form action={action} method="get" role="search" aria-label="检索信息公开目录" className="mb-6 grid gap-2 sm:grid-cols-5 sm:items-end">
      <label className="text-sm sm:col-span-2">
        标题或文号
        <input name="q" defaultValue={filters.q ?? ""} maxLength={50} placeholder="如：征收、雷政〔2023〕" className={field} />
      </label>
      {units && (
        <label className="text-sm">
          单位
          <select name="unit" defaultValue={unit ?? ""} className={field}>
            <option value="">全部单位</option>
            {units.map((u) => (
              <option key={u.slug} value={u.slug}>{u.shortName}</option>
            ))}
          </select>
        </label>
      )}
      <label className="text-sm">
        信息类别
        <select name="category" defaultValue={filters.category ?? ""} className={field}>
          <option value="">全部类别</option>
          {catalogCategories.map((c) => (
            <option key={c.key} value={c.key}>{c.label}</option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        发布年度
        <input name="year" defaultValue={filters.year ?? ""} inputMode="numeric" maxLength={4} placeholder="如：2023" className={field} />
      </label>
      <button type="submit" className="rounded bg-blue-800 px-3 py-1 text-white">检索</button>
    </form>
  );
}
