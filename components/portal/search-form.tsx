/** Search by unit and year: a plain GET form, no script needed. */
export function SearchForm({ q = "", year }: { q?: string; year?: number | undefined }) {
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
      <button type="submit" className="rounded bg-blue-800 px-3 py-1 text-white">
        搜索
      </button>
    </form>
  );
}
