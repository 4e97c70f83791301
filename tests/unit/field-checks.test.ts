// The editor checks the title, 落款 and sections with plain functions (no zod
// in the browser); the server's schema refines with the same functions. They
// must say the same thing about the same input.
import { describe, expect, it } from "vitest";
import { fieldProblems, format2021, reportContentSchema, textParts, MAX_SECTION_LENGTH } from "@/lib/report-format";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/validation/plain-text";

const sections = Object.fromEntries(textParts(format2021).map((part) => [part.key, "无"]));
const firstSection = textParts(format2021).find((part) => part.kind === "section")!;

function schemaProblems(fields: { title: string; signatureLine: string; sections: Record<string, string> }) {
  const parsed = reportContentSchema(format2021).safeParse({ ...fields, signedOn: null, cells: {} });
  const problems: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) problems[issue.path.join(".")] ??= issue.message;
  return problems;
}

describe("the field checks the editor runs", () => {
  const cases = {
    "nothing wrong": { title: "雷官镇2024年政府信息公开工作年度报告", signatureLine: "雷官镇人民政府", sections },
    "no title (spaces only)": { title: "   ", signatureLine: "", sections },
    "a 落款 over 200 characters": { title: "标题", signatureLine: "镇".repeat(201), sections },
    "a NUL pasted into the title": { title: "标题\u0000", signatureLine: "", sections },
    "a section over the limit and one with a control character": {
      title: "标题",
      signatureLine: "",
      sections: { ...sections, [firstSection.key]: "字".repeat(MAX_SECTION_LENGTH + 1), [format2021.preamble.key]: "前言\u0007" },
    },
  };

  it.each(Object.entries(cases))("%s: the same messages as the server's schema", (_, fields) => {
    expect(fieldProblems(format2021, fields)).toEqual(schemaProblems(fields));
  });

  it("names each problem in the clerk's words", () => {
    expect(fieldProblems(format2021, cases["no title (spaces only)"])).toEqual({ title: "请填写标题" });
    expect(fieldProblems(format2021, cases["a 落款 over 200 characters"])).toEqual({ signatureLine: "落款过长" });
    expect(fieldProblems(format2021, cases["a NUL pasted into the title"])).toEqual({ title: CONTROL_CHARACTER_MESSAGE });
    expect(fieldProblems(format2021, cases["a section over the limit and one with a control character"])).toEqual({
      [`sections.${firstSection.key}`]: `“${firstSection.label}”过长（最多${MAX_SECTION_LENGTH}字）`,
      [`sections.${format2021.preamble.key}`]: CONTROL_CHARACTER_MESSAGE,
    });
    expect(fieldProblems(format2021, cases["nothing wrong"])).toEqual({});
  });
});
