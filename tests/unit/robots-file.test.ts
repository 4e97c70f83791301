import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withAbsoluteSitemap } from "@/lib/robots-file";

const file = readFileSync("public/robots.txt", "utf8");

describe("public/robots.txt as the server sends it", () => {
  it("names the sitemap by the site's full address and keeps the rules", () => {
    const sent = withAbsoluteSitemap(file, "https://www.laian.gov.cn");
    expect(sent).toMatch(/^Sitemap: https:\/\/www\.laian\.gov\.cn\/sitemap\.xml$/m);
    expect(sent).not.toMatch(/^Sitemap: \//m);
    for (const path of ["/workspace", "/admin", "/audit", "/account", "/login", "/api/"]) expect(sent).toContain(`\nDisallow: ${path}\n`);
    expect(sent.replace(/^Sitemap:.*$/m, "")).toBe(file.replace(/^Sitemap:.*$/m, ""));
  });

  it("keeps a sitemap line that is already absolute, and a site address with a path", () => {
    expect(withAbsoluteSitemap("Sitemap: https://example.org/s.xml\n", "https://www.laian.gov.cn")).toBe("Sitemap: https://example.org/s.xml\n");
    expect(withAbsoluteSitemap("sitemap: sitemap.xml\r\n", "https://portal.gov.cn/nianbao")).toBe("sitemap: https://portal.gov.cn/nianbao/sitemap.xml\r\n");
  });
});
