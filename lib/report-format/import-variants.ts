// Labels real reports write instead of the format's own, per format version.
// They belong to the import only: the editor, the rules and the rendering use
// the format's labels. A row variant is read as its row with a note; a header
// variant is passed over like the header; a superseded layout (the 2019 trial
// format's table 二 in a later report) is recognised so that its values are
// reported, not placed into columns that mean something else.

export interface SupersededTable {
  /** Table key in the current format. */
  table: string;
  /** The superseded format's document, for the message. */
  source: string;
  year: number;
  /** Column headers only the superseded format has: seeing one marks the block as superseded. */
  headers: readonly string[];
  /** Block headings only the superseded format has. */
  blockHeadings: readonly string[];
  /** Row labels only the superseded format has, passed over inside a superseded block. */
  rows: readonly string[];
}

export interface ImportVariants {
  /** `${table}.${row}` → other labels real reports use for that row. */
  rows: Readonly<Record<string, readonly string[]>>;
  /** The format's header label → other ways reports write it. */
  headers: Readonly<Record<string, readonly string[]>>;
  superseded: readonly SupersededTable[];
}

