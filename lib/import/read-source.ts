// A report file as offices have it, read into text before anything is
// parsed: its kind told by its bytes (not only its name), its encoding
// detected and named, and refused with a clear message when it cannot be a
// report we read — so a bad file never reaches the database.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Far above any real report in text (the sample is 12 KB); a larger file is not one. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export class UnreadableFileError extends Error {}

export type SourceEncoding = "UTF-8" | "UTF-8（带 BOM）" | "UTF-16LE" | "GB18030（GBK）";

export interface SourceText {
  text: string;
  encoding: SourceEncoding;
}

export const SUPPORTED = "可导入 Word 文档（.docx）、网页（.html/.htm，从门户网站另存）和纯文本（.txt，UTF-8 或 GBK 编码）；其他文件请在 Word 或 WPS 中“另存为 .docx”";

/** Formats offices send that we do not read (yet), told by their first bytes or name. */
function unsupportedKind(bytes: Buffer, name: string): string | null {
  const extension = path.extname(name).toLowerCase();
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return "PDF 文件";
  // OLE compound documents: Word 97–2003 (.doc) and WPS (.wps).
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return extension === ".wps" ? "WPS 文件（.wps）" : "Word 97–2003 文件（.doc）";
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString("latin1");
    if (head.includes("OFD.xml") || extension === ".ofd") return "OFD 版式文件";
    if (head.includes("word/") || extension === ".docx") return "Word 文件（.docx）";
    return "压缩文件";
  }
  if ([".pdf", ".doc", ".wps", ".ofd", ".docx", ".zip", ".xls", ".xlsx", ".et"].includes(extension)) return `${extension} 文件`;
  return null;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(text.slice(0, 2048));
}

/** Decodes the bytes, naming the encoding: BOMs first, then strict UTF-8, then GB18030 (a superset of GBK and GB2312). */
export function decodeReportText(bytes: Buffer): SourceText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8（带 BOM）" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // Not UTF-8: Chinese Windows saves plain text as GBK unless told otherwise.
  }
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "GB18030（GBK）" };
  } catch {
    throw new UnreadableFileError("无法识别文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030）");
  }
}

/** A file's bytes, or a refusal: missing, not a file, empty, too large. */
export function readFileBytes(file: string): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UnreadableFileError(`“${file}”不是文件`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`找不到文件“${file}”`);
  }
  checkSize(size, file);
  return readFileSync(file);
}

export function checkSize(size: number, name: string): void {
  if (size === 0) throw new UnreadableFileError(`文件“${path.basename(name)}”是空的`);
  if (size > MAX_SOURCE_BYTES) {
    throw new UnreadableFileError(`文件过大（${(size / 1024 / 1024).toFixed(1)} MB，最大 ${MAX_SOURCE_BYTES / 1024 / 1024} MB），不像一份年度报告`);
  }
}

/** A text file's bytes (an upload), named as the office named it; Word and HTML files are read-report.ts's. */
export function readReportBytes(bytes: Buffer, name: string): SourceText {
  checkSize(bytes.length, name);
  const kind = unsupportedKind(bytes, name);
  if (kind) throw new UnreadableFileError(`暂不能读取${kind}。${SUPPORTED}`);
  if (bytes.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new UnreadableFileError(`“${path.basename(name)}”是二进制文件，不是文本。${SUPPORTED}`);
  }
  const source = decodeReportText(bytes);
  if (looksLikeHtml(source.text)) throw new UnreadableFileError(`暂不能读取网页文件（HTML）。${SUPPORTED}`);
  // A stray Ctrl-Z (old DOS editors) or BOM inside is not text of the report.
  return { ...source, text: source.text.replace(/\u001a/g, "").replace(/\ufeff/g, "") };
}
