// Labels real reports write instead of the format's own, per format version.
// They belong to the import only: the editor, the rules and the rendering use
// the format's labels. A row variant is read as its row with a note; a header
// variant is passed over like the header. (An earlier format's table found in
// a later report is recognised from that format's own definition: see
// lib/import/table-layout.ts.)

export interface ImportVariants {
  /** `${table}.${row}` → other labels real reports use for that row. */
  rows: Readonly<Record<string, readonly string[]>>;
  /** The format's header label → other ways reports write it. */
  headers: Readonly<Record<string, readonly string[]>>;
}
