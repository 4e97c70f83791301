// A report as offices keep it: a Word file (.docx). mammoth turns it into
// HTML (merged cells — gridSpan, vMerge — become colspan and rowspan), which
// is walked into blocks like a portal page. A file that is encrypted, an
// old .doc, or not a Word document at all is refused with the reason.
import mammoth from "mammoth";
import { openZip, ZipBoundError, type ZipBounds } from "./bounded-zip";
import { parseHtmlFragmentBounded } from "./parse-html-bounded";
import type { Block } from "./document-blocks";
import { attribute, htmlBlocks, type HtmlElement } from "./read-html-blocks";
import { UnreadableFileError } from "./read-source";

export type UnreadableReason = "encrypted" | "legacy-doc" | "not-docx" | "corrupt";

const MESSAGES: Record<UnreadableReason, string> = {
  encrypted: "文件已加密（设有打开密码），请去掉密码后另存为 .docx",
  "legacy-doc": "这是 Word 97–2003 文件（.doc），请在 Word 中另存为 .docx 后再导入",
  "not-docx": "文件不是 Word 文档（.docx），无法读取",
  corrupt: "文件已损坏，无法读取",
};

/** A .docx that cannot be read; `reason` says why, the message says it to the user. */
export class UnreadableDocumentError extends UnreadableFileError {
  constructor(
    readonly reason: UnreadableReason,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[reason], options);
    this.name = "UnreadableDocumentError";
  }
}

export interface DocxReport {
  blocks: Block[];
  /** What was in the file but not read (images, footnotes), and what mammoth could not convert. */
  warnings: string[];
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The stream an encrypted OOXML file keeps its package in (MS-OFFCRYPTO); directory names are UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * A report's .docx is a few hundred KB: document.xml is under 1 MB inflated,
 * images are stored as they are. Far beyond these, the file is not a report.
 */
export const DOCX_BOUNDS: ZipBounds = { maxEntries: 1000, maxPartBytes: 10 * 1024 * 1024, maxTotalBytes: 40 * 1024 * 1024, maxRatio: 100 };

const startsWith = (bytes: Buffer, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** mammoth's notes on styles it has no mapping for: every Word file has them, and they change no text. */
const STYLE_NOISE = /^Unrecognised (paragraph|run|table) style/;

/** Footnotes and endnotes: mammoth appends them after the signature, where the parser expects the date last. */
function isNote(element: HtmlElement): boolean {
  const id = attribute(element, "id") ?? "";
  return /^(footnote|endnote)-(ref-)?\d+$/.test(id);
}

export async function readDocxReport(bytes: Buffer): Promise<DocxReport> {
  if (startsWith(bytes, OLE)) {
    throw new UnreadableDocumentError(bytes.includes(ENCRYPTED_PACKAGE) ? "encrypted" : "legacy-doc");
  }
  if (!startsWith(bytes, ZIP)) throw new UnreadableDocumentError("corrupt");
  // Before mammoth inflates anything: every part's real size, within bounds.
  try {
    openZip(bytes, DOCX_BOUNDS);
  } catch (error) {
    // A damaged file is said as Word users know it; a bound is said as the bound it is.
    if (error instanceof ZipBoundError && error.broken) throw new UnreadableDocumentError("corrupt", { cause: error });
    throw error;
  }

  let images = 0;
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        // Images carry no text we can read; counting them is enough (a table pasted as a picture is a real case).
        convertImage: mammoth.images.imgElement(async () => {
          images += 1;
          return { src: "" };
        }),
      },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // mammoth's words when the zip opens but holds no Word document (an .xlsx, a .zip renamed).
    const notWord = /main document part|could not find the body element|are you sure this is a (valid \.)?docx/i.test(message);
    throw new UnreadableDocumentError(notWord ? "not-docx" : "corrupt", { cause: error });
  }

  const warnings = result.messages.filter((m) => !STYLE_NOISE.test(m.message)).map((m) => `Word 文件转换提示：${m.message}`);
  let notes = 0;
  const blocks = htmlBlocks(parseHtmlFragmentBounded(result.value), {
    skip: (element) => {
      if (!isNote(element)) return false;
      if (!/-ref-/.test(attribute(element, "id") ?? "")) notes += 1;
      return true;
    },
  });
  if (images > 0) warnings.push(`文件中有${images}张图片，图片中的文字和表格未读入`);
  if (notes > 0) warnings.push(`文件中有${notes}条脚注或尾注，未读入`);
  if (blocks.length === 0) warnings.push("文件中没有可读取的文字");
  return { blocks, warnings };
}
