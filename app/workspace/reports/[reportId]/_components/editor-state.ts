// The editor's state and its transitions, kept apart from React so the rules
// of "nothing lost" can be read (and tested) in one place.
import type { EditorContent } from "@/lib/reports/editor-content";
import { formatCells, type CellValue, type ReportFormat } from "@/lib/report-format";

export type SaveStatus = "saved" | "dirty" | "saving" | "error" | "conflict";

export interface ConflictInfo {
  version: number;
  savedAt: string;
  savedBy: string | null;
  content: EditorContent;
}

export interface EditorState {
  title: string;
  signatureLine: string;
  signedOn: string;
  sections: Record<string, string>;
  /** What the clerk typed in each input cell, as typed. */
  raw: Record<string, string>;
  baseVersion: number;
  savedAt: string | null;
  status: SaveStatus;
  /** Bumped by every edit; a save only clears "dirty" if nothing changed meanwhile. */
  changeCount: number;
  message: string | null;
  serverErrors: Record<string, string>;
  conflict: ConflictInfo | null;
  /** Input from an earlier visit that never reached the server was brought back. */
  restored: boolean;
}

export type EditorAction =
  | { type: "field"; field: "title" | "signatureLine" | "signedOn"; value: string }
  | { type: "section"; key: string; value: string }
  | { type: "cell"; key: string; value: string }
  | { type: "save-start" }
  | { type: "saved"; version: number; savedAt: string; changeCountAtSend: number }
  | { type: "conflict"; conflict: ConflictInfo }
  | { type: "failed"; message: string; fieldErrors?: Record<string, string> }
  | { type: "take-theirs"; field: string }
  | { type: "keep-mine-on-latest" }
  | { type: "restore"; backup: EditorBackup };

/** What is kept in the browser until the server has it. */
export interface EditorBackup {
  baseVersion: number;
  title: string;
  signatureLine: string;
  signedOn: string;
  sections: Record<string, string>;
  raw: Record<string, string>;
}

export const rawOf = (value: CellValue | undefined) => (value === null || value === undefined ? "" : String(value));

export function initialState(format: ReportFormat, version: number, savedAt: string, content: EditorContent): EditorState {
  return {
    title: content.title,
    signatureLine: content.signatureLine,
    signedOn: content.signedOn ?? "",
    sections: { ...content.sections },
    raw: Object.fromEntries(formatCells(format).map((cell) => [cell.key, rawOf(content.values[cell.key])])),
    baseVersion: version,
    savedAt,
    status: "saved",
    changeCount: 0,
    message: null,
    serverErrors: {},
    conflict: null,
    restored: false,
  };
}

const edited = (state: EditorState, patch: Partial<EditorState>): EditorState => ({
  ...state,
  ...patch,
  changeCount: state.changeCount + 1,
  status: state.status === "conflict" ? "conflict" : "dirty",
});

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "field":
      return edited(state, { [action.field]: action.value });
    case "section":
      return edited(state, { sections: { ...state.sections, [action.key]: action.value } });
    case "cell": {
      // A server message about this cell no longer applies once it is edited.
      const serverErrors = { ...state.serverErrors };
      delete serverErrors[`cells.${action.key}`];
      return edited(state, { raw: { ...state.raw, [action.key]: action.value }, serverErrors });
    }
    case "save-start":
      return { ...state, status: "saving", message: null };
    case "saved":
      return {
        ...state,
        baseVersion: action.version,
        savedAt: action.savedAt,
        status: state.changeCount === action.changeCountAtSend ? "saved" : "dirty",
        serverErrors: {},
        message: null,
      };
    case "conflict":
      return { ...state, status: "conflict", conflict: action.conflict, message: null };
    case "failed":
      return { ...state, status: "error", message: action.message, serverErrors: action.fieldErrors ?? {} };
    case "take-theirs":
      return state.conflict ? takeTheirs(state, state.conflict.content, action.field) : state;
    case "keep-mine-on-latest":
      // The clerk has seen the other version and merged what they wanted:
      // their text is now based on the latest version and can be saved.
      return state.conflict
        ? { ...state, baseVersion: state.conflict.version, conflict: null, status: "dirty", changeCount: state.changeCount + 1 }
        : state;
    case "restore":
      return edited(state, { ...action.backup, restored: true });
  }
}

function takeTheirs(state: EditorState, theirs: EditorContent, field: string): EditorState {
  if (field === "title" || field === "signatureLine") return edited(state, { [field]: theirs[field] });
  if (field === "signedOn") return edited(state, { signedOn: theirs.signedOn ?? "" });
  if (field.startsWith("sections.")) {
    const key = field.slice("sections.".length);
    return edited(state, { sections: { ...state.sections, [key]: theirs.sections[key] ?? "" } });
  }
  const key = field.slice("cells.".length);
  return edited(state, { raw: { ...state.raw, [key]: rawOf(theirs.values[key]) } });
}

export function backupOf(state: EditorState): EditorBackup {
  const { baseVersion, title, signatureLine, signedOn, sections, raw } = state;
  return { baseVersion, title, signatureLine, signedOn, sections, raw };
}
