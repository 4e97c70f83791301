// The part of an import that needs no database — reading an uploaded file
// (or each report in an uploaded zip) and parsing it in the format of its
// year — as one task, so that it can run in a bounded worker
// (read-report-off-thread.ts). Everything it returns is plain data.
import path from "node:path";
import { formatForYear } from "@/lib/report-format";
import { openZip, type ZipBounds } from "./bounded-zip";
import { parseTextReport, type ParsedReport } from "./parse-text-report";
import { readReport, type ReportSource } from "./read-report";
import { UnreadableFileError } from "./read-source";
import { nameFault } from "@/lib/validation/plain-text";

export interface ReportFilesRequest {
  name: string;
  bytes: Uint8Array;
  /** The year to read the file as; null: the year its title states. */
  year: number | null;
  /** A .zip is opened and its reports read (or only the entry named `only`, as `archive.zip/entry.docx`). */
  expandZip: boolean;
  only: string | null;
  /**
   * Instead of `only` and `year`: just these entries of the zip, each read as
   * its own year (补录 of many at once: the archive opened once, not per entry).
   */
  entries?: readonly { name: string; year: number }[];
}

export type ReadReportFile =
  | { name: string; ok: true; source: ReportSource; parsed: ParsedReport | null; year: number | null }
  | { name: string; ok: false; message: string };

/** What a county's archive of past reports may hold: tens of reports of a few hundred KB. */
export const ARCHIVE_BOUNDS: ZipBounds = { maxEntries: 500, maxPartBytes: 5 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 100 };
/** Of which files that can be reports. */
export const MAX_ARCHIVE_REPORTS = 200;
const READABLE = /\.(docx|html?|txt)$/i;

function isZip(bytes: Uint8Array, name: string): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && path.extname(name).toLowerCase() === ".zip";
}

/** The files an upload holds: itself, or the reports in a zip, every part of which is within ARCHIVE_BOUNDS. */
function filesOf(request: ReportFilesRequest): { name: string; bytes: Buffer }[] {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  if (!request.expandZip || !isZip(bytes, request.name)) return [{ name: request.name, bytes }];
  const listed = request.entries && new Set(request.entries.map((entry) => entry.name));
  const chosen = (name: string) => (listed ? listed.has(name) : request.only === null || name === request.only);
  const wanted = (entry: string) => READABLE.test(entry) && !entry.endsWith("/") && !entry.startsWith("__MACOSX/") && chosen(`${request.name}/${entry}`);
  const entries = openZip(bytes, ARCHIVE_BOUNDS, wanted).filter((part) => wanted(part.name));
  if (entries.length > MAX_ARCHIVE_REPORTS) throw new UnreadableFileError(`zip 中文件过多（${entries.length} 个，最多 ${MAX_ARCHIVE_REPORTS} 个）`);
  return entries.map((part) => ({ name: `${request.name}/${part.name}`, bytes: part.content! }));
}

async function readOne(name: string, bytes: Buffer, year: number | null): Promise<ReadReportFile> {
  // A name inside a zip is shown to the supervisor as it is: the same rule as an uploaded file's name.
  const fault = nameFault(path.basename(name));
  if (fault) {
    const what = fault === "control" ? "控制字符或换行" : "改变文字显示方向的隐藏字符（如 U+202E）";
    return { name, ok: false, message: `文件名含有${what}，请重命名后重新打包上传` };
  }
  try {
    const source = await readReport(bytes, name);
    // The year decides the format; read the title first with the latest one, then the file with its year's.
    let chosen = year;
    if (chosen === null) {
      const firstLook = parseTextReport(source.text, formatForYear(new Date().getFullYear() - 1)!);
      const titleYear = Number(/(\d{4})\s*年/.exec(firstLook.title)?.[1] ?? NaN);
      chosen = Number.isInteger(titleYear) ? titleYear : null;
    }
    const format = chosen ? formatForYear(chosen) : undefined;
    return { name, ok: true, source, parsed: format ? parseTextReport(source.text, format) : null, year: chosen };
  } catch (error) {
    if (error instanceof UnreadableFileError) return { name, ok: false, message: error.message };
    throw error;
  }
}

/** Reads every file of the request; a file that cannot be read is answered with the reason, the others still read. */
export async function readReportFiles(request: ReportFilesRequest): Promise<ReadReportFile[]> {
  const results: ReadReportFile[] = [];
  for (const file of filesOf(request)) {
    const years = request.entries ? request.entries.filter((entry) => entry.name === file.name).map((entry) => entry.year) : [request.year];
    for (const year of years) results.push(await readOne(file.name, file.bytes, year));
  }
  return results;
}
