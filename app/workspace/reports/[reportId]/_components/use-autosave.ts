"use client";

import { startTransition, useCallback, useEffect, useRef, type Dispatch } from "react";
import { saveReportAction } from "@/lib/reports/actions";
import { formatCells, type ReportFormat } from "@/lib/report-format";
import { backupOf, draftOfState, isEditorBackup, type EditorAction, type EditorBackup, type EditorState } from "./editor-state";

const AUTOSAVE_DELAY_MS = 1500;
const RETRY_DELAY_MS = 10_000;

export const backupKey = (reportId: string) => `nianbao:unsaved:${reportId}`;

export function readBackup(reportId: string): EditorBackup | null {
  try {
    const text = window.localStorage.getItem(backupKey(reportId));
    const value: unknown = text ? JSON.parse(text) : null;
    return isEditorBackup(value) ? value : null;
  } catch {
    return null;
  }
}

/** Storage can be full or switched off: the server save still protects the work. */
function writeBackup(reportId: string, backup: EditorBackup | null) {
  try {
    if (backup) window.localStorage.setItem(backupKey(reportId), JSON.stringify(backup));
    else window.localStorage.removeItem(backupKey(reportId));
  } catch {
    // Nothing to do: the page keeps the input and autosave keeps trying the server.
  }
}

const RETRYABLE = new Set(["UNAVAILABLE", "UNEXPECTED"]);
const BACKUP_EVERY_MS = 400;

/**
 * Saves shortly after the clerk stops typing, retries while the server is
 * unreachable, keeps unsaved input in the browser until the server has it,
 * and warns before a tab with unsaved input is closed.
 */
export function useAutosave({
  reportId,
  format,
  state,
  dispatch,
  canSave,
  hasInputErrors,
  pendingInput,
}: {
  reportId: string;
  format: ReportFormat;
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  canSave: boolean;
  hasInputErrors: boolean;
  /** Cells typed that the state has not taken in yet: they count as unsaved, and go into the backup. */
  pendingInput: () => Record<string, string>;
}) {
  const stateRef = useRef(state);
  const inFlight = useRef(false);
  useEffect(() => {
    stateRef.current = state;
  });

  // A save and its answer update the editor in transitions: they never hold up a keystroke.
  const dispatchQuietly = useCallback((action: EditorAction) => startTransition(() => dispatch(action)), [dispatch]);

  const save = useCallback(async () => {
    const current = stateRef.current;
    if (inFlight.current || !canSave || current.conflict) return;
    inFlight.current = true;
    dispatchQuietly({ type: "save-start" });
    const inputCells = formatCells(format).filter((cell) => !cell.sum);
    try {
      const result = await saveReportAction({
        reportId,
        baseVersion: current.baseVersion,
        content: {
          title: current.title,
          signatureLine: current.signatureLine,
          signedOn: current.signedOn || null,
          sections: current.sections,
          cells: Object.fromEntries(inputCells.map((cell) => [cell.key, current.raw[cell.key] ?? ""])),
        },
      });
      if (!result.ok) {
        dispatchQuietly({
          type: "failed",
          message: result.code === "UNAUTHENTICATED" ? "登录已过期，未能保存；请在新标签页重新登录后点“保存”，本页输入仍保留" : result.message,
          retryable: RETRYABLE.has(result.code),
          ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
        });
      } else if (result.data.status === "conflict") {
        const { version, savedAt, savedBy, content } = result.data;
        dispatchQuietly({ type: "conflict", conflict: { version, savedAt, savedBy, content } });
      } else {
        dispatchQuietly({
          type: "saved",
          version: result.data.version,
          savedAt: result.data.savedAt,
          changeCountAtSend: current.changeCount,
          sent: draftOfState(current),
          peerFindings: result.data.peerFindings,
        });
      }
    } catch {
      // The request itself failed (network down, server restarting).
      dispatchQuietly({ type: "failed", message: "无法连接服务器，未能保存；您的输入仍保留在页面上，稍后会自动重试", retryable: true });
    } finally {
      inFlight.current = false;
    }
  }, [canSave, dispatchQuietly, format, reportId]);

  // Debounced autosave; after a failure the server or network caused, a
  // slower retry. saveRound re-arms it when a save ends with more to save.
  useEffect(() => {
    if (!canSave || hasInputErrors) return;
    const retry = state.status === "error" && state.retryable;
    if (state.status !== "dirty" && !retry) return;
    const timer = window.setTimeout(() => void save(), retry ? RETRY_DELAY_MS : AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state.changeCount, state.status, state.saveRound, state.retryable, canSave, hasInputErrors, save]);

  // Unsaved input survives a closed tab or a crash, until the server has it.
  // Written at once for the first change, then at most every BACKUP_EVERY_MS
  // while typing (serializing the whole report on every keystroke held up an
  // old PC), and when the page is hidden or left.
  const lastBackup = useRef(0);
  const pendingBackup = useRef<number | null>(null);
  const backupNow = useCallback(() => {
    pendingBackup.current = null;
    lastBackup.current = Date.now();
    const pending = pendingInput();
    const typedSince = Object.keys(pending).length > 0;
    const current = typedSince ? { ...stateRef.current, raw: { ...stateRef.current.raw, ...pending } } : stateRef.current;
    if (current.changeCount === 0 && !typedSince) return; // nothing typed yet in this page: keep any earlier backup
    writeBackup(reportId, current.status === "saved" && !typedSince ? null : backupOf(current));
  }, [reportId, pendingInput]);
  useEffect(() => {
    if (state.changeCount === 0 || pendingBackup.current !== null) return;
    const wait = BACKUP_EVERY_MS - (Date.now() - lastBackup.current);
    if (wait <= 0 || state.status === "saved") backupNow();
    else pendingBackup.current = window.setTimeout(backupNow, wait);
  }, [state, backupNow]);
  useEffect(() => {
    const flush = () => {
      const typedSince = Object.keys(pendingInput()).length > 0;
      if (pendingBackup.current !== null || typedSince) {
        if (pendingBackup.current !== null) window.clearTimeout(pendingBackup.current);
        backupNow();
      }
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", flush);
    return () => {
      flush();
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flush);
    };
  }, [backupNow, pendingInput]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (stateRef.current.status !== "saved" || Object.keys(pendingInput()).length > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pendingInput]);

  return save;
}
