import Link from "next/link";

/**
 * Where a page sits: 首页 › 安徽省人民政府 › 滁州市人民政府 › this page. A
 * plain ordered list of links. Printed with a region's tables (it says
 * which region they cover), not with a report, whose paper copy is the
 * official document alone.
 */
export function Breadcrumbs({ trail, current, print = true }: { trail: readonly { href: string; label: string }[]; current: string; print?: boolean }) {
  return (
    <nav aria-label="当前位置" className={`mb-3 text-sm text-gray-700${print ? "" : " no-print"}`}>
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1">
        {[{ href: "/", label: "首页" }, ...trail].map((crumb) => (
          <li key={crumb.href}>
            <Link href={crumb.href} className="text-blue-800 underline">
              {crumb.label}
            </Link>
            <span aria-hidden="true" className="ml-1">›</span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
