// Control characters in what people type or paste: a NUL byte (PostgreSQL
// refuses it in text, which used to surface as an unexpected error or a 500
// page) and the other C0 controls and DEL, which no report or catalog text
// needs. Fields refuse them with a message; search and filter queries drop them.
//
// Names and titles also refuse the Unicode direction controls: an override or
// an isolate makes a name display in another order than it is written (a file
// "发票\u202Efdp.exe" shows as "发票exe.pdf"), so what a reviewer or a
// citizen reads would not be what is stored.
import type { z } from "zod";

// Tab, line feed and carriage return are text; every other C0 control and DEL is not.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** A one-line name has no tab or line break either, nor a C1 control. */
const NAME_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** LRM/RLM, the embeddings and overrides (LRE…RLO) and the isolates (LRI…PDI). */
const DIRECTION_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const CONTROL_CHARACTER_MESSAGE = "含有无法显示的控制字符（如从其他软件粘贴带来的 NUL），请删除后再保存";
export const NAME_CONTROL_MESSAGE = "含有控制字符或换行（如从其他软件粘贴带来的 NUL），名称应为一行文字，请删除后再保存";
export const DIRECTION_CONTROL_MESSAGE = "含有改变文字显示方向的隐藏字符（如 U+202E），会使显示的文字与实际不同，请删除后再保存";

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

function hasDirectionControls(text: string): boolean {
  return DIRECTION_CONTROL.test(text);
}

/** What a one-line name (a unit, a person, a file) holds that it must not; undefined when nothing. */
export function nameFault(text: string): "control" | "direction" | undefined {
  if (NAME_CONTROL.test(text)) return "control";
  if (hasDirectionControls(text)) return "direction";
  return undefined;
}

/** Why a one-line name cannot be stored as typed; undefined when it can. */
export function nameProblem(text: string): string | undefined {
  const fault = nameFault(text);
  return fault && { control: NAME_CONTROL_MESSAGE, direction: DIRECTION_CONTROL_MESSAGE }[fault];
}

/** Why a title (of a report, of a catalog item) cannot be stored as typed; undefined when it can. */
export function titleProblem(text: string): string | undefined {
  if (hasControlCharacters(text)) return CONTROL_CHARACTER_MESSAGE;
  if (hasDirectionControls(text)) return DIRECTION_CONTROL_MESSAGE;
  return undefined;
}

/** A zod refinement from one of the checks above: its message becomes the field's. */
export const refineWith = (check: (text: string) => string | undefined) => (text: string, ctx: z.RefinementCtx) => {
  const problem = check(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};

/** A query string with control characters (and line breaks) removed: a search never fails on them. */
export function cleanQuery(text: string | undefined): string | undefined {
  return text?.replace(CONTROL_ALL, "").replace(/[\r\n\t]+/g, " ");
}
