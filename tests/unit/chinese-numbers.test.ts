import { describe, expect, it } from "vitest";
import { NUMBER_PATTERN, decimalsOf, parseNumber } from "@/lib/report-format/narrative/chinese-numbers";

describe("parseNumber", () => {
  it.each([
    ["128", 128],
    ["0", 0],
    ["１２８", 128],
    ["１２．５", 12.5],
    ["1,280", 1280],
    ["12,345,678", 12345678],
    ["26.55", 26.55],
  ])("reads digits %s as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    ["一", 1],
    ["两", 2],
    ["二", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十五", 25],
    ["一百", 100],
    ["一百零五", 105],
    ["一百一十", 110],
    ["三千二百", 3200],
    ["三千零二", 3002],
    ["一万二千", 12000],
    ["〇", 0],
    ["零", 0],
    ["一二〇", 120],
  ])("reads Chinese numerals %s as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it("refuses what is not one number", () => {
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("一是")).toBeNull();
    expect(parseNumber("1,28")).toBeNull();
    expect(parseNumber("12件")).toBeNull();
  });
});

describe("NUMBER_PATTERN", () => {
  const first = (text: string) => new RegExp(NUMBER_PATTERN).exec(text)?.[0];

  it("takes a whole number, separators and decimals included", () => {
    expect(first("新收1,280件")).toBe("1,280");
    expect(first("收费26.55万元")).toBe("26.55");
    expect(first("新收１２件")).toBe("１２");
  });

  it("leaves the 万 of 万元 to the unit", () => {
    expect(first("收费两万元")).toBe("两");
    expect(first("公开一万二千条")).toBe("一万二千");
  });
});

describe("decimalsOf", () => {
  it("counts the digits shown after the point", () => {
    expect(decimalsOf("78")).toBe(0);
    expect(decimalsOf("78.1")).toBe(1);
    expect(decimalsOf("７８．１２")).toBe(2);
    expect(decimalsOf("1,234.5")).toBe(1);
  });
});
