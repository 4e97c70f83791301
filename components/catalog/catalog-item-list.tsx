import Link from "next/link";
import { categoryLabel, validityLabel } from "@/lib/catalog/categories";
import { dateInChina } from "@/lib/catalog/china-time";
import type { CatalogListItem } from "@/lib/catalog/public-queries";

export type CatalogListEntry = Pick<
  CatalogListItem,
  "id" | "title" | "category" | "documentNumber" | "indexNumber" | "publishedAt" | "validity" | "organizationSlug" | "organizationName"
>;

/** Items as a list (not a table), so a 360 px phone reads them without sideways scrolling. */
export function CatalogItemList({ items, showUnit = false }: { items: CatalogListEntry[]; showUnit?: boolean }) {
  return (
    <ul className="divide-y border-y">
      {items.map((item) => (
        <li key={item.id} className="py-2">
          <Link href={`/catalog/${item.organizationSlug}/${item.id}`} className="font-medium text-blue-800 underline [overflow-wrap:anywhere]">
            {item.title}
          </Link>
          <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-gray-700">
            {showUnit && <span>{item.organizationName}</span>}
            <span>{categoryLabel(item.category)}</span>
            {item.documentNumber && <span>{item.documentNumber}</span>}
            <span>发布日期 {dateInChina(item.publishedAt)}</span>
            {item.validity !== "VALID" && <span className="text-red-800">{validityLabel[item.validity]}</span>}
            <span className="[overflow-wrap:anywhere]">索引号 {item.indexNumber}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
