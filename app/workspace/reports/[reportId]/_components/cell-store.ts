// What each table cell of the editor shows, kept outside React's state so that
// a keystroke re-renders only the cells it changes — the typed cell and the
// totals it is part of at once, the findings that concern it when the checks
// catch up after a pause in typing — instead of every one of the report's 200
// cells (issue: typing on an old office PC). Each cell subscribes to its own
// key (useSyncExternalStore).
import { formatCells, type Finding, type ReportFormat } from "@/lib/report-format";
import { readCells } from "./editor-checks";

export interface CellView {
  /** As typed; for a total, the computed value. */
  value: string;
  inputError?: string | undefined;
  serverError?: string | undefined;
  findings: readonly Finding[];
  /** Reviewer's comments on the cell. */
  notes: readonly string[];
  flagged: boolean;
}

/** What the checks say of a cell, before the value typed since is laid over it. */
export type CheckedView = Omit<CellView, "value" | "serverError"> & { computed?: string };

const NOTHING: readonly never[] = [];
export const EMPTY_VIEW: CellView = { value: "", findings: NOTHING, notes: NOTHING, flagged: false };

const sameList = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string) =>
  a.length === b.length && a.every((item, i) => key(item) === key(b[i]!));

function sameView(a: CellView, b: CellView): boolean {
  return (
    a.value === b.value &&
    a.inputError === b.inputError &&
    a.serverError === b.serverError &&
    a.flagged === b.flagged &&
    sameList(a.findings, b.findings, (f) => `${f.severity}${f.message}`) &&
    sameList(a.notes, b.notes, (n) => n)
  );
}

export class CellStore {
  private readonly views = new Map<string, CellView>();
  private readonly listeners = new Map<string, Set<() => void>>();
  /**
   * Values typed that the editor's state has not caught up with yet (it
   * follows in a transition): until it has, the typed value is the one shown,
   * so a state a keystroke behind never puts an older value back into the input.
   */
  private readonly typed = new Map<string, string>();

  /** The computed totals: their values are the store's own. */
  private readonly sums: ReadonlySet<string>;

  /** With the report's format, the store keeps the totals current as cells are typed. */
  constructor(private readonly format?: ReportFormat) {
    this.sums = new Set(format ? formatCells(format).flatMap((cell) => (cell.sum ? [cell.key] : [])) : []);
  }

  get(key: string): CellView {
    return this.views.get(key) ?? EMPTY_VIEW;
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private put(key: string, view: CellView, notify: boolean) {
    const current = this.views.get(key);
    if (current && sameView(current, view)) return;
    this.views.set(key, view);
    if (notify) this.listeners.get(key)?.forEach((listener) => listener());
  }

  /** The typed cell, at once (from its change handler: the same render as the keystroke). */
  setValue(key: string, value: string) {
    const current = this.get(key);
    this.typed.set(key, value);
    this.put(key, { ...current, value }, true);
    this.computeTotals(true);
  }

  /**
   * The totals from the values the cells show, so that a row's and a column's
   * total follow the keystroke without waiting for the checks (a value that
   * cannot be read counts as empty, as in the checks).
   */
  private computeTotals(notify: boolean) {
    if (!this.format) return;
    const shown = Object.fromEntries(formatCells(this.format).map((cell) => [cell.key, this.get(cell.key).value]));
    const { values } = readCells(this.format, shown);
    for (const key of this.sums) {
      const total = values[key];
      this.put(key, { ...this.get(key), value: total === null || total === undefined ? "" : String(total) }, notify);
    }
  }

  /** The value a cell shows: what was typed, until the state has it; then the state's. */
  private valueOf(key: string, raw: Readonly<Record<string, string>>): string {
    const typed = this.typed.get(key);
    if (typed === undefined) return raw[key] ?? "";
    if ((raw[key] ?? "") === typed) this.typed.delete(key);
    return typed;
  }

  /**
   * Everything the cells show: the checks' view of each cell with the latest
   * typed values and the server's messages laid over it. Only cells whose view
   * changed re-render. `notify` false fills the store before the first render.
   */
  update(
    checked: ReadonlyMap<string, CheckedView>,
    raw: Readonly<Record<string, string>>,
    serverErrors: Readonly<Record<string, string>>,
    notify = true,
  ) {
    for (const [key, view] of checked) {
      const { computed, ...rest } = view;
      // With the format, the totals are the store's own (computeTotals): the checks may be of older values.
      const value = this.sums.has(key) ? this.get(key).value : (computed ?? this.valueOf(key, raw));
      this.put(key, { ...rest, value, serverError: serverErrors[`cells.${key}`] }, notify);
    }
    this.computeTotals(notify);
  }

  /**
   * The editor's state has new cell values (a keystroke's transition, a merge,
   * a restored backup): typed values it has caught up with are forgotten, and a
   * value changed from elsewhere is shown. Cheaper than `update`, which also
   * lays the checks over every cell: this runs on each keystroke's state.
   */
  followState(raw: Readonly<Record<string, string>>) {
    let changed = false;
    for (const key of Object.keys(raw)) {
      const current = this.views.get(key);
      if (!current || this.sums.has(key)) continue;
      const value = this.valueOf(key, raw);
      if (value === current.value) continue;
      this.put(key, { ...current, value }, true);
      changed = true;
    }
    if (changed) this.computeTotals(true);
  }

  /** What was typed that the editor's state does not have yet (a keystroke's transition still running). */
  pendingValues(): Record<string, string> {
    return Object.fromEntries(this.typed);
  }

  get filled(): boolean {
    return this.views.size > 0;
  }
}
