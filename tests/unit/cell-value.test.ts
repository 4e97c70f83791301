import { describe, expect, it } from "vitest";
import { parseCellInput } from "@/lib/report-format";

describe("reading one cell value", () => {
  it.each([
    ["58", 58],
    ["0", 0],
    [" 7 ", 7],
    ["１２３", 123],
    ["", null],
  ])("accepts the count %j as %j", (raw, value) => {
    expect(parseCellInput(raw, "count")).toEqual({ ok: true, value });
  });

  it.each([
    ["-1", "不能为负数"],
    ["－３", "不能为负数"],
    ["1.5", "件数应为整数，不能有小数"],
    ["1e9", "请输入非负整数"],
    ["abc", "请输入非负整数"],
    ["3件", "请输入非负整数"],
    ["9".repeat(11), "数值过大"],
    ["1".repeat(1_000_000), "输入过长，请只填写数字"],
  ])("refuses the count %j with a message", (raw, message) => {
    expect(parseCellInput(raw, "count")).toEqual({ ok: false, message });
  });

  it("accepts amounts in 万元 with up to 4 decimals", () => {
    expect(parseCellInput("26.55", "amount")).toEqual({ ok: true, value: 26.55 });
    expect(parseCellInput("２６．５５", "amount")).toEqual({ ok: true, value: 26.55 });
    expect(parseCellInput("0.0001", "amount")).toEqual({ ok: true, value: 0.0001 });
    expect(parseCellInput("1.23456", "amount")).toEqual({ ok: false, message: "金额最多保留4位小数" });
    expect(parseCellInput("-0.5", "amount")).toEqual({ ok: false, message: "不能为负数" });
  });

  it("checks numbers as well as text", () => {
    expect(parseCellInput(3, "count")).toEqual({ ok: true, value: 3 });
    expect(parseCellInput(3.5, "count")).toEqual({ ok: false, message: "件数应为整数，不能有小数" });
    expect(parseCellInput(Number.NaN, "count")).toEqual({ ok: false, message: "请输入数字" });
    expect(parseCellInput(null, "amount")).toEqual({ ok: true, value: null });
  });
});
