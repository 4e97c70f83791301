// RFC 4180 CSV as Excel on Chinese Windows writes it: optional UTF-8 BOM,
// quoted fields with doubled quotes, CRLF or LF line ends, newlines inside
// quotes. Pure, so it is tested on its own.

export interface CsvParseResult {
  rows: string[][];
  /** Set when reading stopped at the row limit: the file has more rows than that. */
  truncated?: boolean;
  /** Set when the text cannot be CSV (an unclosed quote, say). */
  error?: string;
}

/** `limit`: stop after this many rows (the rest is not read; `truncated` says so). */
export function parseCsv(text: string, limit = Number.POSITIVE_INFINITY): CsvParseResult {
  const input = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (rows.length >= limit && i + 1 < input.length) return { rows, truncated: true };
    } else {
      field += c;
    }
  }
  if (quoted) return { rows, error: "文件中有未闭合的引号，请检查后重新导出为CSV" };
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows };
}

/** Whether the bytes look like text in an encoding other than UTF-8 (GBK from an old Excel, say). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
