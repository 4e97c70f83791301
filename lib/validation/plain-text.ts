// Control characters in what people type or paste: a NUL byte (PostgreSQL
// refuses it in text, which used to surface as an unexpected error or a 500
// page) and the other C0 controls and DEL, which no report or catalog text
// needs. Fields refuse them with a message; search and filter queries drop them.

// Tab, line feed and carriage return are text; every other C0 control and DEL is not.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export const CONTROL_CHARACTER_MESSAGE = "含有无法显示的控制字符（如从其他软件粘贴带来的 NUL），请删除后再保存";

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** A query string with control characters (and line breaks) removed: a search never fails on them. */
export function cleanQuery(text: string | undefined): string | undefined {
  return text?.replace(CONTROL_ALL, "").replace(/[\r\n\t]+/g, " ");
}
