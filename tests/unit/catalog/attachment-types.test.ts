import { describe, expect, it } from "vitest";
import { attachmentDisposition, checkAttachment } from "@/lib/catalog/attachment-types";
import { dateTimeInChina, parseChinaDateTime, yearInChina, yearRangeInChina } from "@/lib/catalog/china-time";
import { decodeCursor, encodeCursor, likePattern, parseCatalogFilters } from "@/lib/catalog/listing-filters";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("checkAttachment", () => {
  it("accepts a file whose extension and first bytes agree", () => {
    expect(checkAttachment("方案.PDF", 10, new TextEncoder().encode("%PDF-1.4"), 100)).toMatchObject({ ok: true, type: { extension: "pdf" } });
    expect(checkAttachment("表.xlsx", 10, bytes(0x50, 0x4b, 0x03, 0x04), 100)).toMatchObject({ ok: true });
    expect(checkAttachment("照片.png", 10, bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 100)).toMatchObject({ ok: true });
  });

  it("refuses other types, mismatched bytes and oversized files with a Chinese reason", () => {
    expect(checkAttachment("a.exe", 10, bytes(0x4d, 0x5a), 100)).toMatchObject({ ok: false, message: expect.stringContaining("不支持该文件类型") });
    expect(checkAttachment("a.svg", 10, new TextEncoder().encode("<svg"), 100)).toMatchObject({ ok: false });
    expect(checkAttachment("a.jpg", 10, bytes(0x89, 0x50), 100)).toMatchObject({ ok: false, message: "文件内容与扩展名 .jpg 不符，请上传真实的JPEG 图片文件" });
    expect(checkAttachment("a.pdf", 3 * 1024 * 1024, new TextEncoder().encode("%PDF-"), 2 * 1024 * 1024)).toMatchObject({
      ok: false,
      message: "文件过大（3.0 MB），单个附件最大2.0 MB",
    });
  });

  it("writes a header-safe Content-Disposition with the UTF-8 name in filename*", () => {
    expect(attachmentDisposition('a"b\r\nc.pdf')).toBe(`attachment; filename="a_b__c.pdf"; filename*=UTF-8''a_b__c.pdf`);
    expect(attachmentDisposition("通知(1).pdf")).toBe(`attachment; filename="__(1).pdf"; filename*=UTF-8''%E9%80%9A%E7%9F%A5%281%29.pdf`);
  });
});

describe("China time", () => {
  it("puts 31 December 23:30 in China in that year and 1 January 00:30 in the next, whatever UTC says", () => {
    expect(yearInChina(parseChinaDateTime("2023-12-31 23:30")!)).toBe(2023);
    expect(parseChinaDateTime("2024-01-01 00:30")!.toISOString()).toBe("2023-12-31T16:30:00.000Z");
    expect(yearInChina(parseChinaDateTime("2024-01-01 00:30")!)).toBe(2024);
    expect(yearRangeInChina(2024)).toEqual({ start: new Date("2023-12-31T16:00:00Z"), end: new Date("2024-12-31T16:00:00Z") });
    expect(dateTimeInChina(new Date("2023-12-31T16:30:00Z"))).toBe("2024-01-01 00:30");
  });

  it("refuses dates that do not exist", () => {
    expect(parseChinaDateTime("2023-02-29")).toBeNull();
    expect(parseChinaDateTime("2024-13-01")).toBeNull();
    expect(parseChinaDateTime("2024-01-01 24:10")).toBeNull();
    expect(parseChinaDateTime("2024/01/01")).toBeNull();
  });
});

describe("catalog listing filters", () => {
  it("keep known categories and plausible years, cut search terms, and round-trip the cursor", () => {
    const cursor = { publishedAt: new Date("2024-01-02T03:04:05.678Z"), id: "0b1e3c9e-8d8a-4f57-9d8e-1f2a3b4c5d6e" };
    expect(parseCatalogFilters({ category: "penalty", year: "2023", q: ` ${"征".repeat(80)} `, after: encodeCursor(cursor) })).toEqual({
      category: "penalty",
      year: 2023,
      q: "征".repeat(50),
      after: cursor,
    });
    expect(parseCatalogFilters({ category: "<script>", year: "99999", after: "x" })).toEqual({});
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it("take LIKE wildcards in a search term literally", () => {
    expect(likePattern("100%_完成\\")).toBe("%100\\%\\_完成\\\\%");
  });
});
