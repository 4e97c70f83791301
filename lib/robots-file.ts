// robots.txt is kept in public/ with the site's other static files. Its
// Sitemap line there is a path, because the site's address is configuration
// (SITE_URL); crawlers follow only an absolute sitemap URL, so the file is
// sent with that line made absolute (app/robots-txt/route.ts, reached at
// /robots.txt through a rewrite in next.config.mjs).

/** The file's Sitemap lines that are paths, made absolute from the site's address (no trailing slash). */
export function withAbsoluteSitemap(robots: string, siteUrl: string): string {
  return robots.replace(/^(Sitemap:[ \t]*)(\S+)[ \t]*$/gim, (line, label: string, target: string) =>
    /^https?:\/\//i.test(target) ? line : `${label}${siteUrl}${target.startsWith("/") ? "" : "/"}${target}`,
  );
}
