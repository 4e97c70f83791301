"use client";

import { usePathname } from "next/navigation";

/** A plain link (works without script); the current path only tells it where to come back to. */
export function TextSizeToggle({ large }: { large: boolean }) {
  const pathname = usePathname();
  return (
    <a
      href={`/preferences/text-size?size=${large ? "normal" : "large"}&back=${encodeURIComponent(pathname)}`}
      className="text-sm underline"
    >
      {large ? "标准字号" : "大字号"}
    </a>
  );
}
