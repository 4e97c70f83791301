import { readFile } from "node:fs/promises";
import path from "node:path";
import { publicSiteUrl } from "@/lib/env";
import { withAbsoluteSitemap } from "@/lib/robots-file";

// /robots.txt: public/robots.txt with its Sitemap line made absolute (lib/robots-file.ts).
export const dynamic = "force-dynamic";

export async function GET() {
  const file = await readFile(path.join(process.cwd(), "public", "robots.txt"), "utf8");
  return new Response(withAbsoluteSitemap(file, publicSiteUrl()), {
    // public/'s files change with a release: a day in any cache.
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
