import type { RegionOption } from "@/lib/regions/list-region-options";

/**
 * Search by unit, year and, where `regions` are given, region: a plain GET
 * form, no script needed. Regions are indented by level under the one above.
 */
export function SearchForm({ q = "", year, regions, region = "" }: {
  q?: string;
  year?: number | undefined;
  regions?: readonly RegionOption[];
  region?: string;
}) {
  return (
    <form action="/search" method="get" role="search" className="mb-6 flex flex-wrap items-end gap-2">
      <label className="text-sm">
        单位名称
        <input name="q" defaultValue={q} placeholder="如：雷官镇" className="block rounded border border-gray-500 px-2 py-1" />
      </label>
      <label className="text-sm">
        年度
        <input name="year" defaultValue={year ?? ""} inputMode="numeric" placeholder="如：2023" className="block w-24 rounded border border-gray-500 px-2 py-1" />
      </label>
      {regions && regions.length > 0 && (
        <label className="text-sm">
          地区
          <select name="region" defaultValue={region} className="block max-w-full rounded border border-gray-500 px-2 py-1">
            <option value="">全部地区</option>
            {regions.map((option) => (
              <option key={option.slug} value={option.slug}>
                {"\u3000".repeat(option.depth)}
                {option.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="rounded bg-blue-800 px-3 py-1 text-white">
        搜索
      </button>
    </form>
  );
}
