// Any report file an office has — Word (.docx), a portal page (.html) or plain
// text — read into the text layout the parser reads, with where each line
// came from (so an issue names 第3个表格第4行, not a line of text the user
// never saw), the encoding or the portal's metadata, and what was left out.
import path from "node:path";
import { blocksToReportText, describeOrigin, type LineOrigin } from "./document-blocks";
import { readDocxReport } from "./read-docx";
import { readHtmlReport, type PortalMetadata } from "./read-html";
import { checkSize, decodeReportText, looksLikeHtml, readReportBytes, type SourceEncoding } from "./read-source";

export interface ReportSource {
  kind: "text" | "docx" | "html";
  text: string;
  /** How a text or HTML file was encoded; null for Word. */
  encoding: SourceEncoding | null;
  /** 索引号, 发布机构, 成文日期, 发布日期 … when a portal page carries them. */
  metadata: PortalMetadata | null;
  /** What the file had that was not read (images, footnotes). */
  warnings: string[];
  /**
   * Where each line of `text` stands in a Word file or a page (“第3段”, “第2个表格第4行第1格”);
   * null for plain text, whose lines are the file's. Data, not a function: a source is read in a worker.
   */
  places: string[] | null;
}

/** Where line `line` (from 1) of the source's text stands in the file, as the user can find it. */
export function placeOf(source: Pick<ReportSource, "kind" | "places">, line: number): string {
  if (!source.places) return `第${line}行`;
  return source.places[line - 1] ?? (source.kind === "docx" ? "文档中" : "网页中");
}

const startsWith = (bytes: Buffer, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

function fromBlocks(result: ReturnType<typeof blocksToReportText>) {
  const origins: LineOrigin[] = result.origins;
  return { text: result.text, places: origins.map(describeOrigin) };
}

export async function readReport(bytes: Buffer, name: string): Promise<ReportSource> {
  checkSize(bytes.length, name);
  const extension = path.extname(name).toLowerCase();
  const zip = startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
  const ole = startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
  const head = zip ? bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString("latin1") : "";
  // Word: a zip holding word/…, or an encrypted .docx (an OLE file), which the reader names as such.
  if ((zip && (head.includes("word/") || extension === ".docx")) || (ole && extension === ".docx")) {
    const docx = await readDocxReport(bytes);
    return { kind: "docx", encoding: null, metadata: null, warnings: docx.warnings, ...fromBlocks(blocksToReportText(docx.blocks)) };
  }
  if (!zip && !ole && !bytes.includes(0)) {
    const decoded = decodeReportText(bytes);
    if ([".html", ".htm", ".shtml"].includes(extension) || looksLikeHtml(decoded.text)) {
      const page = readHtmlReport(decoded.text);
      return { kind: "html", encoding: decoded.encoding, metadata: page.metadata, warnings: [], ...fromBlocks(blocksToReportText(page.blocks)) };
    }
  }
  const text = readReportBytes(bytes, name);
  return { kind: "text", text: text.text, encoding: text.encoding, metadata: null, warnings: [], places: null };
}
