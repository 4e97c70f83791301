import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExportableReport } from "@/lib/exports/csv";
import { reportToDocx } from "@/lib/exports/docx";
import { blocksToReportText, type Block } from "@/lib/import/document-blocks";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { readDocxReport, UnreadableDocumentError } from "@/lib/import/read-docx";
import { UnreadableFileError } from "@/lib/import/read-source";
import { formatCells, format2021, type CellValue } from "@/lib/report-format";
import { makeEncrypted, wordMade, wordMadeValues } from "../fixtures/import/make-fixtures";

const fixtures = path.resolve(__dirname, "../fixtures/import");
const fixture = (name: string) => readFileSync(path.join(fixtures, name));
const sample = parseTextReport(readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8"), format2021);
const allCells = formatCells(format2021);

function exportable(values: Record<string, CellValue>): ExportableReport {
  return {
    format: format2021,
    organization: { name: "来安县雷官镇人民政府", code: "11341122003250123X" },
    year: 2023,
    title: sample.title,
    sections: sample.sections,
    values,
    signatureLine: sample.signatureLine,
    signedOn: sample.signedOn,
  };
}

async function readBack(bytes: Buffer) {
  const { blocks, warnings } = await readDocxReport(bytes);
  const text = blocksToReportText(blocks);
  return { blocks, warnings, text, parsed: parseTextReport(text.text, format2021) };
}

const cellsOf = (values: Record<string, CellValue>) => allCells.map((cell) => [cell.key, values[cell.key]]);

describe("our own Word export, read back", () => {
  it("gives the sample's 200 cells, title, sections and signature", async () => {
    const { parsed, warnings } = await readBack(await reportToDocx(exportable(sample.values)));
    expect(warnings).toEqual([]);
    expect(parsed.issues).toEqual([]);
    expect(allCells).toHaveLength(200);
    expect(cellsOf(parsed.values)).toEqual(cellsOf(sample.values));
    expect(parsed.title).toBe(sample.title);
    expect(parsed.sections).toEqual(sample.sections);
    expect(parsed.signatureLine).toBe(sample.signatureLine);
    expect(parsed.signedOn).toBe(sample.signedOn);
  });

  it("keeps every cell in its place when all 200 differ", async () => {
    const values = Object.fromEntries(allCells.map((cell, i) => [cell.key, cell.kind === "amount" ? 12.5 : i + 1]));
    const { parsed } = await readBack(await reportToDocx(exportable(values)));
    expect(parsed.issues).toEqual([]);
    expect(cellsOf(parsed.values)).toEqual(cellsOf(values));
  });

  it("gets the merged header cells from mammoth as spans", async () => {
    const { blocks } = await readDocxReport(await reportToDocx(exportable(sample.values)));
    const tables = blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table");
    expect(tables).toHaveLength(3);
    const applications = tables[1]!;
    expect(applications.spans).toEqual(
      expect.arrayContaining([
        { row: 0, column: 0, rowSpan: 3, colSpan: 3 },
        { row: 5, column: 0, rowSpan: 22, colSpan: 1 },
        { row: 7, column: 1, rowSpan: 8, colSpan: 1 },
      ]),
    );
    // A merged cell's text stands once, at its top-left position.
    expect(applications.rows[6]!.slice(0, 3)).toEqual(["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""]);
  });
});

describe("a report typed in Word (word-made.docx)", async () => {
  const { parsed, warnings, text } = await readBack(fixture("word-made.docx"));

  it("reads every cell: units stripped, the empty cell left empty and the cells after it in their columns", () => {
    expect(warnings).toEqual([]);
    expect(cellsOf(parsed.values)).toEqual(cellsOf(wordMadeValues()));
    expect(parsed.values["active.license.decisions"]).toBe(58);
    expect(parsed.values["active.fee.amount"]).toBe(26.55);
    expect(parsed.values["applications.received.natural"]).toBe(1000);
    expect(parsed.values["applications.received.business"]).toBeNull();
    expect(parsed.values["applications.received.research"]).toBe(1002);
    expect(parsed.values["applications.otherOther.total"]).toBeTypeOf("number");
    expect(parsed.values["appeals.litigationAfterReview.total"]).toBe(2014);
  });

  it("reports only the empty cell", () => {
    expect(parsed.issues).toEqual([
      { line: 0, message: "“三、收到和处理政府信息公开申请情况”缺少数值：一、本年新收政府信息公开申请数量 商业企业" },
    ]);
  });

  it("reads the title from split runs, the preamble, the sections and the signature", () => {
    expect(parsed.title).toBe(wordMade.title);
    expect(parsed.preamble).toBe(wordMade.preamble);
    expect(parsed.sections.overview).toBe(wordMade.overview.join("\n"));
    expect(parsed.sections.problems).toBe(wordMade.problems.join("\n"));
    expect(parsed.sections.other).toBe(wordMade.other.join("\n"));
    expect(parsed.signatureLine).toBe(wordMade.signature);
    expect(parsed.signedOn).toBe("2024-01-24");
  });

  it("says where each line came from", () => {
    const lines = text.text.split("\n");
    const at = lines.indexOf("\t58（件）");
    expect(text.origins[at]).toEqual({ kind: "cell", table: 1, row: 7, column: 2 });
    expect(text.origins[lines.indexOf("一、总体情况")]).toEqual({ kind: "paragraph", paragraph: 3 });
  });
});

describe("documents that cannot be read", () => {
  const refusal = async (bytes: Buffer) => {
    const error = await readDocxReport(bytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect(error).toBeInstanceOf(UnreadableFileError);
    return error as UnreadableDocumentError;
  };

  it("refuses an encrypted file (an OLE compound file holding EncryptedPackage)", async () => {
    const error = await refusal(fixture("encrypted.docx"));
    expect(error.reason).toBe("encrypted");
    expect(error.message).toBe("文件已加密（设有打开密码），请去掉密码后另存为 .docx");
    expect(fixture("encrypted.docx").equals(makeEncrypted())).toBe(true);
  });

  it("refuses a zip that holds no Word document (an Excel workbook named .docx)", async () => {
    const error = await refusal(fixture("not-a-report.docx"));
    expect(error.reason).toBe("not-docx");
    expect(error.message).toBe("文件不是 Word 文档（.docx），无法读取");
  });

  it("refuses a truncated .docx as damaged", async () => {
    const whole = fixture("word-made.docx");
    const error = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.reason).toBe("corrupt");
    expect(error.message).toBe("文件已损坏，无法读取");
  });

  it("refuses bytes that are no zip at all, and an old .doc", async () => {
    expect((await refusal(Buffer.from("这不是一个 Word 文件"))).reason).toBe("corrupt");
    expect((await refusal(Buffer.alloc(0))).reason).toBe("corrupt");
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect((await refusal(doc)).reason).toBe("legacy-doc");
  });
});
