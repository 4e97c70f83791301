import type { MetadataRoute } from "next";
import { publicSiteUrl } from "@/lib/env";

// robots.txt is made here rather than kept in public/: its Sitemap line must
// be an absolute URL, and the site's address is configuration (SITE_URL).
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    // The staff area is behind sign-in; nothing there is for an index.
    rules: { userAgent: "*", allow: "/", disallow: ["/workspace", "/admin", "/audit", "/account", "/login", "/api/", "/preferences"] },
    sitemap: `${publicSiteUrl()}/sitemap.xml`,
  };
}
