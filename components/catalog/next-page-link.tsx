import Link from "next/link";
import { catalogQueryString, encodeCursor, type CatalogCursor, type CatalogFilters } from "@/lib/catalog/listing-filters";

/** Keyset pagination: "next page" carries where this page ended; "first page" drops it. */
export function PageLinks({ base, filters, next, extra = "" }: { base: string; filters: CatalogFilters; next: CatalogCursor | null; extra?: string }) {
  const join = (query: string) => (extra ? (query ? `${query}&${extra}` : `?${extra}`) : query);
  return (
    <nav aria-label="翻页" className="mt-4 flex gap-4 text-sm">
      {filters.after && (
        <Link href={`${base}${join(catalogQueryString(filters, { after: undefined }))}`} className="text-blue-800 underline">第一页</Link>
      )}
      {next && (
        <Link href={`${base}${join(catalogQueryString(filters, { after: encodeCursor(next) }))}`} className="text-blue-800 underline">下一页</Link>
      )}
    </nav>
  );
}
