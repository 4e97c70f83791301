// The editor's state and its transitions, kept apart from React so the rules
// of "nothing lost" can be read (and tested) in one place.
import { formatCellValue } from "@/components/report/format-value";
import type { EditorContent } from "@/lib/reports/editor-content";
import type { EditorReport } from "@/lib/reports/editor-queries";
import { formatCells, type Finding, type ReportFormat } from "@/lib/report-format";

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
  /** The content as last saved (or loaded): the common base when merging with someone else's save. */
  base: EditorContentDraft;
  /** Bumped by every save outcome, so autosave looks again at what is left to save. */
  saveRound: number;
  /** Whether the last failure is worth retrying by itself (the server or network was away). */
  retryable: boolean;
  /** 雷同 with other units' reports, as the server found it on the last save. */
  peerFindings: Finding[];
}

/** The editable content as the inputs hold it. */
export interface EditorContentDraft {
  title: string;
  signatureLine: string;
  signedOn: string;
  sections: Record<string, string>;
  raw: Record<string, string>;
}

export type EditorAction =
  | { type: "field"; field: "title" | "signatureLine" | "signedOn"; value: string }
  | { type: "section"; key: string; value: string }
  /** Cells typed (the editor hands each keystroke's cell over in a transition; several at once are one change). */
  | { type: "cells"; values: Readonly<Record<string, string>> }
  | { type: "save-start" }
  | { type: "saved"; version: number; savedAt: string; changeCountAtSend: number; sent: EditorContentDraft; peerFindings: Finding[] }
  | { type: "conflict"; conflict: ConflictInfo }
  | { type: "failed"; message: string; fieldErrors?: Record<string, string>; retryable: boolean }
  | { type: "take-theirs"; field: string }
  | { type: "keep-mine-on-latest" }
  | { type: "restore"; backup: EditorBackup };

/** What is kept in the browser until the server has it, with the version and content it was based on. */
export interface EditorBackup extends EditorContentDraft {
  baseVersion: number;
  base: EditorContentDraft;
}

/** A stored value as the input shows it: the same text the published page prints. */
export const rawOf = formatCellValue;

/** Server content as the inputs would hold it. */
export function draftOf(format: ReportFormat, content: EditorContent): EditorContentDraft {
  return {
    title: content.title,
    signatureLine: content.signatureLine,
    signedOn: content.signedOn ?? "",
    sections: { ...content.sections },
    raw: Object.fromEntries(formatCells(format).map((cell) => [cell.key, rawOf(content.values[cell.key])])),
  };
}

export function draftOfState(state: EditorContentDraft): EditorContentDraft {
  const { title, signatureLine, signedOn, sections, raw } = state;
  return { title, signatureLine, signedOn, sections, raw };
}

export function initialState(
  format: ReportFormat,
  version: number,
  savedAt: string,
  content: EditorContent,
  peerFindings: Finding[] = [],
): EditorState {
  const draft = draftOf(format, content);
  return {
    ...draft,
    peerFindings,
    base: draft,
    saveRound: 0,
    retryable: false,
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

/** The editor's state for a report as the server sent it. */
export function editorStateOf(format: ReportFormat, report: Pick<EditorReport, "version" | "savedAt" | "content" | "peerFindings">): EditorState {
  return initialState(format, report.version, report.savedAt, report.content, report.peerFindings);
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
    case "cells": {
      // A server message about a cell no longer applies once it is edited.
      const serverErrors = { ...state.serverErrors };
      for (const key of Object.keys(action.values)) delete serverErrors[`cells.${key}`];
      return edited(state, { raw: { ...state.raw, ...action.values }, serverErrors });
    }
    case "save-start":
      return { ...state, status: "saving", message: null };
    case "saved":
      return {
        ...state,
        baseVersion: action.version,
        savedAt: action.savedAt,
        base: action.sent,
        status: state.changeCount === action.changeCountAtSend ? "saved" : "dirty",
        // Unchanged objects stay the same objects: a save's answer re-checks nothing that did not change.
        serverErrors: Object.keys(state.serverErrors).length > 0 ? {} : state.serverErrors,
        message: null,
        saveRound: state.saveRound + 1,
        peerFindings: JSON.stringify(action.peerFindings) === JSON.stringify(state.peerFindings) ? state.peerFindings : action.peerFindings,
      };
    case "conflict":
      return { ...mergeUntouched(state, action.conflict), status: "conflict", conflict: action.conflict, message: null, saveRound: state.saveRound + 1 };
    case "failed":
      return {
        ...state,
        status: "error",
        message: action.message,
        serverErrors: action.fieldErrors ?? {},
        retryable: action.retryable,
        saveRound: state.saveRound + 1,
      };
    case "take-theirs":
      return state.conflict ? takeTheirs(state, state.conflict.content, action.field) : state;
    case "keep-mine-on-latest":
      // The clerk has seen the other version and merged what they wanted:
      // their text is now based on the latest version and can be saved.
      return state.conflict
        ? {
            ...state,
            baseVersion: state.conflict.version,
            base: draftOfContent(state, state.conflict.content),
            conflict: null,
            status: "dirty",
            changeCount: state.changeCount + 1,
          }
        : state;
    case "restore": {
      const { baseVersion, base, ...draft } = action.backup;
      return edited(state, { ...draft, baseVersion, base, restored: true });
    }
  }
}

/** Another person's saved content in the inputs' terms (cells as text). */
function draftOfContent(state: EditorState, content: EditorContent): EditorContentDraft {
  return {
    title: content.title,
    signatureLine: content.signatureLine,
    signedOn: content.signedOn ?? "",
    sections: { ...content.sections },
    raw: Object.fromEntries(Object.keys(state.raw).map((key) => [key, rawOf(content.values[key])])),
  };
}

/**
 * Three-way merge on a conflict: wherever this person left a field as it was
 * (equal to the common base), the other person's newer value is taken. Only
 * fields both changed remain different, for the person to decide.
 */
function mergeUntouched(state: EditorState, conflict: ConflictInfo): EditorState {
  const theirs = draftOfContent(state, conflict.content);
  const pick = <T,>(mine: T, base: T, other: T) => (mine === base ? other : mine);
  const pickAll = (mine: Record<string, string>, base: Record<string, string>, other: Record<string, string>) =>
    Object.fromEntries(Object.keys({ ...mine, ...other }).map((k) => [k, pick(mine[k] ?? "", base[k] ?? "", other[k] ?? "")]));
  return {
    ...state,
    title: pick(state.title, state.base.title, theirs.title),
    signatureLine: pick(state.signatureLine, state.base.signatureLine, theirs.signatureLine),
    signedOn: pick(state.signedOn, state.base.signedOn, theirs.signedOn),
    sections: pickAll(state.sections, state.base.sections, theirs.sections),
    raw: pickAll(state.raw, state.base.raw, theirs.raw),
  };
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
  return { ...draftOfState(state), baseVersion: state.baseVersion, base: state.base };
}

/** A backup read from storage is used only if it has the expected shape. */
export function isEditorBackup(value: unknown): value is EditorBackup {
  const v = value as Partial<EditorBackup> | null;
  const isDraft = (d: unknown) => {
    const x = d as Partial<EditorContentDraft> | null;
    return (
      !!x &&
      typeof x.title === "string" &&
      typeof x.signatureLine === "string" &&
      typeof x.signedOn === "string" &&
      typeof x.sections === "object" &&
      typeof x.raw === "object"
    );
  };
  return !!v && typeof v.baseVersion === "number" && isDraft(v) && isDraft(v.base);
}
