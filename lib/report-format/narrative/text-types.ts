// Data of the narrative text checks (stale year, 雷同, structure). Owned by those checks.
export interface NarrativeTextRules {
  placeholder?: never;
}
