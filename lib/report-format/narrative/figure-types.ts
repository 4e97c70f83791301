// Data of R8 (figures quoted in the narrative agree with the tables). Owned by the figures check.
export interface NarrativeFigureRules {
  placeholder?: never;
}
