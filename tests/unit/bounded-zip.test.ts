// A zip is opened within bounds, whatever its headers say: bombs, archives of
// thousands of parts and headers that lie are refused with the bound they
// break, quickly, and a Word file as Word makes it opens.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openZip, ZipBoundError, type ZipBounds } from "@/lib/import/bounded-zip";
import { DOCX_BOUNDS } from "@/lib/import/read-docx";
import { buildZip, docxBomb, part, repeatedPart } from "../fixtures/zip-bombs";

const bounds: ZipBounds = { maxEntries: 10, maxPartBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxRatio: 100 };

describe("opening a zip within bounds", () => {
  it("opens a Word file as Word makes it, keeping only the parts asked for", () => {
    const parts = openZip(readFileSync("tests/fixtures/import/word-made.docx"), DOCX_BOUNDS, (name) => name === "word/document.xml");
    const document = parts.find((p) => p.name === "word/document.xml");
    expect(document?.content?.toString("utf8")).toContain("政府信息公开");
    expect(parts.filter((p) => p.content !== null)).toHaveLength(1);
  });

  it("refuses a 1 MB .docx whose document.xml inflates to 340 MB, naming the part and the bound", async () => {
    const bomb = await docxBomb(340);
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    expect(() => openZip(bomb, DOCX_BOUNDS)).toThrow(/“word\/document\.xml”解压后过大（超过 10 MB）/);
  });

  it("refuses a part whose compression ratio is a bomb's even under the size bound", async () => {
    const dense = await repeatedPart("word/document.xml", "", "<w:p/>", 400_000, "");
    expect(() => openZip(buildZip([dense]), { ...bounds, maxPartBytes: 4 * 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 })).toThrow(
      /“word\/document\.xml”压缩比异常（超过 100 倍）/,
    );
  });

  it("refuses parts that together inflate beyond the total", () => {
    const text = (n: number) => Buffer.from(Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919 + n) % 20000))).join(""));
    expect(() => openZip(buildZip([0, 1, 2, 3].map((n) => part(`r${n}.txt`, text(n)))), bounds)).toThrow(/所有文件合计超过 2 MB/);
  });

  it("refuses an archive of too many parts before inflating any", () => {
    const many = Array.from({ length: 11 }, (_, i) => part(`f${i}.txt`, "x"));
    expect(() => openZip(buildZip(many), bounds)).toThrow("压缩文件中的文件过多（11 个，最多 10 个）");
  });

  it("refuses a part whose headers state a size other than its own, either way", () => {
    const small = { ...part("a.txt", "年度报告".repeat(1000)), statedSize: 10 };
    const large = { ...part("a.txt", "年度报告"), statedSize: 5_000 };
    for (const lying of [small, large]) {
      const error = (() => {
        try {
          openZip(buildZip([lying]), bounds);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ZipBoundError);
      expect((error as ZipBoundError).message).toMatch(/“a\.txt”标明的大小与实际内容不符/);
      expect((error as ZipBoundError).broken).toBe(true);
    }
  });

  it("refuses what is not a zip, or is cut short", () => {
    expect(() => openZip(Buffer.from("not a zip at all"), bounds)).toThrow(/找不到目录/);
    const whole = buildZip([part("a.txt", "年度报告")]);
    expect(() => openZip(Buffer.concat([whole.subarray(0, 20), whole.subarray(whole.length - 22)]), bounds)).toThrow(ZipBoundError);
  });

  it("reads names Chinese Windows wrote in GBK", () => {
    const gbk = Buffer.from([0xc0, 0xd7, 0xb9, 0xd9, 0xd5, 0xf2, 0x2e, 0x74, 0x78, 0x74]); // 雷官镇.txt
    // A placeholder name of the same length, overwritten with the GBK bytes, the UTF-8 flag cleared.
    const named = buildZip([part("__________", "年度报告")]);
    const at = named.indexOf(Buffer.from("__________"));
    const central = named.lastIndexOf(Buffer.from("__________"));
    gbk.copy(named, at);
    gbk.copy(named, central);
    named.writeUInt16LE(0, 6);
    named.writeUInt16LE(0, central - 46 + 8);
    expect(openZip(named, bounds).map((p) => p.name)).toEqual(["雷官镇.txt"]);
  });
});
