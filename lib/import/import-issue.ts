/** Something the importer reports about one line of the source (0: the document as a whole). */
export interface ImportIssue {
  /** 1-based line number in the source text; 0 when it concerns the whole document. */
  line: number;
  message: string;
}

/** What a reading step found besides its result, sorted by how much the user must act. */
export interface ImportFindings {
  /** What could not be placed. */
  issues: ImportIssue[];
  /** Conversions and readings the user should know about (元 → 万元, a label read as another). */
  notes: ImportIssue[];
  /** Content placed by guesswork (a heading recognised only by its numeral). */
  guessed: ImportIssue[];
}

export function emptyFindings(): ImportFindings {
  return { issues: [], notes: [], guessed: [] };
}
