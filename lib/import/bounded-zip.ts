// A zip (a .docx, an .xlsx, a 补录 archive) opened within bounds before any
// reader sees it. A zip's central directory states each part's size, but a
// hostile file can state anything: a 100 KB .docx whose document.xml
// inflates to 340 MB ended the server. So every part is inflated here with
// zlib's output capped at what is left of its bound (never whole beyond it),
// and a part that inflates to other than its stated size is refused too.
import { inflateRawSync } from "node:zlib";
import { UnreadableFileError } from "./read-source";

export interface ZipBounds {
  /** Parts (files and folders) in the archive. */
  maxEntries: number;
  /** Any one part, inflated. */
  maxPartBytes: number;
  /** All parts together, inflated. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed for a part larger than 1 MB: text compresses 5–30×, a zip bomb hundreds of times. */
  maxRatio: number;
}

export interface ZipPart {
  name: string;
  size: number;
  /** The inflated bytes, for the parts asked to be kept. */
  content: Buffer | null;
}

/** The bounds in a message: said as the user reads them. */
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export class ZipBoundError extends UnreadableFileError {
  constructor(
    message: string,
    /** The archive is damaged (or lies about itself) rather than too large. */
    readonly broken = false,
  ) {
    super(message);
    this.name = "ZipBoundError";
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const RATIO_FROM_BYTES = 1024 * 1024;

/** The end-of-central-directory record: within the last 64 KB + 22 bytes (its comment is at most 65,535). */
function findEnd(bytes: Buffer): number {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= from; at -= 1) if (bytes.readUInt32LE(at) === EOCD) return at;
  return -1;
}

/** Names are UTF-8 when flagged; Chinese Windows writes them in GBK without saying so. */
function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString("utf8");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder("gb18030").decode(raw);
  }
}

/**
 * Lists and checks every part of a zip; `keep` says which parts' inflated
 * bytes to return. Throws ZipBoundError naming the bound a file exceeds, or
 * the part whose stated size is false.
 */
export function openZip(bytes: Buffer, bounds: ZipBounds, keep: (name: string) => boolean = () => false): ZipPart[] {
  const broken = (why: string) => new ZipBoundError(`压缩文件结构异常（${why}），无法读取`, true);
  const end = findEnd(bytes);
  if (end < 0) throw broken("找不到目录");
  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  // ZIP64 markers: no report, workbook or county archive needs 4 GB or 65,535 parts.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipBoundError(`压缩文件过大（ZIP64 格式），最多 ${bounds.maxEntries} 个文件`);
  if (count > bounds.maxEntries) throw new ZipBoundError(`压缩文件中的文件过多（${count} 个，最多 ${bounds.maxEntries} 个）`);
  const parts: ZipPart[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw broken("目录损坏");
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const stated = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    at += 46 + nameLength + skip;
    if (flags & 0x1) throw new ZipBoundError(`压缩文件中的“${name}”已加密，无法读取`);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) throw broken(`“${name}”的位置不对`);
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressed > bytes.length) throw broken(`“${name}”不完整`);
    const data = bytes.subarray(dataStart, dataStart + compressed);
    const cap = Math.min(bounds.maxPartBytes, bounds.maxTotalBytes - total);
    const content = inflatePart(name, method, data, cap, bounds);
    if (content.length !== stated) throw broken(`“${name}”标明的大小与实际内容不符`);
    if (content.length > RATIO_FROM_BYTES && content.length / Math.max(compressed, 1) > bounds.maxRatio) {
      throw new ZipBoundError(`压缩文件中的“${name}”压缩比异常（超过 ${bounds.maxRatio} 倍），可能是恶意文件，未读取`);
    }
    total += content.length;
    parts.push({ name, size: content.length, content: keep(name) ? content : null });
  }
  return parts;
}

function inflatePart(name: string, method: number, data: Buffer, cap: number, bounds: ZipBounds): Buffer {
  const tooLarge = () =>
    new ZipBoundError(
      cap < bounds.maxPartBytes
        ? `压缩文件解压后过大（所有文件合计超过 ${mb(bounds.maxTotalBytes)}），未读取`
        : `压缩文件中的“${name}”解压后过大（超过 ${mb(bounds.maxPartBytes)}），未读取`,
    );
  if (method === 0) {
    if (data.length > cap) throw tooLarge();
    return data;
  }
  if (method !== 8) throw new ZipBoundError(`压缩文件中的“${name}”使用了不支持的压缩方式，无法读取`);
  try {
    // One byte over the cap is enough to know it is over: the rest is never inflated.
    const content = inflateRawSync(data, { maxOutputLength: cap + 1 });
    if (content.length > cap) throw tooLarge();
    return content;
  } catch (error) {
    if (error instanceof ZipBoundError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
    throw new ZipBoundError(`压缩文件中的“${name}”已损坏，无法解压`, true);
  }
}
