// A saved page (or the HTML mammoth makes of a Word file) is parsed within
// bounds: a page that makes the parser build without end, or nests deeper than
// any report, is refused with the bound it breaks — never a stack overflow, a
// freeze or a 500 — and a real portal page still reads.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HtmlBoundError, MAX_HTML_DEPTH } from "@/lib/import/parse-html-bounded";
import { readHtmlReport } from "@/lib/import/read-html";
import { readReport } from "@/lib/import/read-report";
import { nestedFormattingPage } from "../fixtures/zip-bombs";

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

describe("reading HTML within bounds", () => {
  it("refuses 5 MB of nested <b><p>, which makes the parser re-open every <b> at every <p>", () => {
    expect(() => readHtmlReport(nestedFormattingPage(5))).toThrow(/文件中的元素过多（超过 200,000 个）/);
  });

  it("refuses a page nested far deeper than any report, by divs or by tables, with a message rather than a stack overflow", () => {
    const divs = page(`${"<div>".repeat(20_000)}一、总体情况${"</div>".repeat(20_000)}`);
    const tables = page(`${"<table><tr><td>".repeat(3_000)}一${"</td></tr></table>".repeat(3_000)}`);
    for (const html of [divs, tables]) {
      const error = (() => {
        try {
          readHtmlReport(html);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(HtmlBoundError);
      expect((error as Error).message).toBe(`文件的结构嵌套过深（超过 ${MAX_HTML_DEPTH} 层），不像一份年度报告，未读取`);
    }
  });

  it("still reads a real portal page, and a page nested as deep as layout tables go", async () => {
    const saved = readFileSync("tests/fixtures/import/portal-page.html");
    expect((await readReport(saved, "report.html")).text).toContain("政府信息公开工作年度报告");
    const nested = page(`${"<table><tr><td>".repeat(20)}<p>一、总体情况</p>${"</td></tr></table>".repeat(20)}`);
    expect(readHtmlReport(nested).blocks.length).toBeGreaterThan(0);
  });
});
