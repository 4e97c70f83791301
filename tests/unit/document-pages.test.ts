// Public pages as documents: which requests are, and what is taken out of them.
import { describe, expect, it } from "vitest";
import { withoutClientRuntime } from "@/lib/page-cache/document-html";
import { asDocument, isDocumentRequest } from "@/lib/page-cache/document-pages";

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });

describe("which requests get a document", () => {
  it("public pages do; staff pages, sign-in, downloads, attachments and client navigation do not", () => {
    for (const url of ["/", "/reports/laian-leiguan/2023", "/reports/laian-leiguan/2023/revisions/2", "/search?q=雷官", "/units/laian-leiguan", "/regions/laian", "/regions/laian/2023", "/regions/laian/2023/compare", "/counties/laian/2023", "/catalog/laian-leiguan"]) {
      expect(isDocumentRequest(get(url)), url).toBe(true);
    }
    for (const url of ["/workspace", "/workspace/reports/x", "/admin", "/audit", "/login", "/account/password", "/api/auth/session", "/_next/static/chunks/a.js", "/reports/laian-leiguan/2023.json", "/reports/laian-leiguan/2023.docx", "/regions/laian/2023/compare.csv", "/sitemap.xml", "/robots.txt", "/catalog/attachments/7d0c", "/open-data/reports/a/2023", "/icon.svg"]) {
      expect(isDocumentRequest(get(url)), url).toBe(false);
    }
    expect(isDocumentRequest(get("/reports/laian-leiguan/2023", { rsc: "1" }))).toBe(false);
    expect(isDocumentRequest({ method: "POST", url: "/", headers: {} })).toBe(false);
  });
});

describe("the page without the client runtime", () => {
  const page = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/_next/static/chunks/a.css"><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"><link rel="modulepreload" href="/c.js"><script src="/_next/static/chunks/d.js" async=""></script><title>报告</title></head><body><main><h1>来安县雷官镇人民政府2023年政府信息公开工作年度报告</h1><a href="/">首页</a></main><script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"payload"])</script></body></html>`;

  it("loses every script, the RSC payload and script preloads, and keeps the content, styles and links", () => {
    const html = withoutClientRuntime(page)!;
    expect(html).not.toMatch(/<script/);
    expect(html).not.toContain("__next_f");
    expect(html).not.toMatch(/preload|modulepreload/);
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css">');
    expect(html).toContain("<h1>来安县雷官镇人民政府2023年政府信息公开工作年度报告</h1>");
    expect(html).toContain('<a href="/">首页</a>');
  });

  it("is left alone when content was streamed in after the shell (it needs its script to show)", () => {
    const streamed = page.replace("<main>", '<div hidden id="S:0"><p>晚到的内容</p></div><main>');
    expect(withoutClientRuntime(streamed)).toBeNull();
  });

  it("says so in its policy: no script may run", () => {
    const headers = new Headers({ "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'" });
    const document = asDocument({ status: 200, headers, body: Buffer.from(page) });
    expect(document.headers.get("content-security-policy")).toBe("default-src 'self'; script-src 'none'; object-src 'none'");
    // The not-found page the server sends for a 404 is a document too (server.ts);
    // another error page, or anything not HTML, passes as it is.
    expect(asDocument({ status: 404, headers, body: Buffer.from(page) }).body.toString()).not.toContain("<script");
    expect(asDocument({ status: 500, headers, body: Buffer.from(page) }).body.toString()).toBe(page);
    const json = new Headers({ "content-type": "application/json" });
    expect(asDocument({ status: 200, headers: json, body: Buffer.from("{}") }).body.toString()).toBe("{}");
  });
});
