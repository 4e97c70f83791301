// HTML (a parse5 tree) into blocks: block elements are paragraphs, <br> ends
// a line, inline markup (Word's <span style=…>, <font>, <o:p>) is joined
// into its text, tables become grids with rowspan and colspan resolved. Used
// for portal pages and for the HTML mammoth makes of a .docx.
import type { DefaultTreeAdapterTypes } from "parse5";
import type { Block, CellSpan, TableBlock } from "./document-blocks";

export type HtmlNode = DefaultTreeAdapterTypes.Node;
export type HtmlElement = DefaultTreeAdapterTypes.Element;

export function isElement(node: HtmlNode): node is HtmlElement {
  return "tagName" in node;
}

export function attribute(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function childElements(node: HtmlNode): HtmlElement[] {
  return "childNodes" in node ? node.childNodes.filter(isElement) : [];
}

/** Never text of the document: code, forms, embedded media, the page's <head>. */
const SKIPPED = new Set([
  "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
  "video", "audio", "map", "select", "button", "input", "textarea", "option", "meta", "link",
]);

/** Elements that start a paragraph of their own (the rest is inline: joined into the text around it). */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
  "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

export function isBlockElement(element: HtmlElement): boolean {
  return BLOCK.has(element.tagName);
}

/** Not rendered: skipped tags, and what a style or attribute hides (Word's mso-hide:all too). */
export function isHidden(element: HtmlElement): boolean {
  let hidden = hiddenCache.get(element);
  if (hidden === undefined) hiddenCache.set(element, (hidden = hides(element)));
  return hidden;
}

const hiddenCache = new WeakMap<HtmlElement, boolean>();

function hides(element: HtmlElement): boolean {
  if (SKIPPED.has(element.tagName)) return true;
  for (const { name, value } of element.attrs) {
    if (name === "hidden") return true;
    // Word's inline styles are long; most say nothing of hiding.
    if (name === "style" && /none|hidden|hide/i.test(value)) {
      return /(^|;)(display:none|visibility:hidden|mso-hide:all)/.test(value.toLowerCase().replace(/\s/g, ""));
    }
  }
  return false;
}

/** Wide East Asian characters and punctuation (Hangul aside, which is written with spaces). */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
/** A line break in the markup with the spaces around it. */
const SEGMENT_BREAK = /[ \t\f]*[\r\n][ \t\r\n\f]*/g;

/**
 * The text as a browser shows it: markup whitespace collapsed, &nbsp; a
 * space, full-width spaces kept. A line break in the source beside a Chinese
 * character is the markup's wrapping (Word wraps its HTML every ~76
 * characters), not a space (CSS Text 3, segment break transformation).
 */
export function renderedText(raw: string): string {
  return raw
    .replace(SEGMENT_BREAK, (brk: string, at: number, all: string) =>
      WIDE.test(all[at - 1] ?? "") || WIDE.test(all[at + brk.length] ?? "") ? "" : " ",
    )
    .replace(/[ \t\n\r\f]+/g, " ")
    .replace(/\u00a0/g, " ")
    .trim();
}

/** Joins a cell's paragraphs: Chinese runs on without a space, Latin words and numbers keep one. */
function joinCellLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => {
    if (text === "" || line === "") return text + line;
    return /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(line) ? `${text} ${line}` : text + line;
  }, "");
}

export interface WalkOptions {
  /** Elements to leave out with everything inside them (page chrome, the metadata table). */
  skip?: (element: HtmlElement) => boolean;
  /** Called with each paragraph block and the innermost block element that holds it. */
  onParagraph?: (text: string, element: HtmlElement) => void;
}

/** How many rows a table has, not counting those of tables inside it. */
function ownRows(table: HtmlElement): HtmlElement[] {
  return childElements(table).flatMap((child) =>
    child.tagName === "tr" ? [child] : ["thead", "tbody", "tfoot"].includes(child.tagName) ? childElements(child).filter((e) => e.tagName === "tr") : [],
  );
}

function ownCells(row: HtmlElement): HtmlElement[] {
  return childElements(row).filter((e) => e.tagName === "td" || e.tagName === "th");
}

function textLength(node: HtmlNode): number {
  if (node.nodeName === "#text" && "value" in node) return node.value.trim().length;
  if (isElement(node) && SKIPPED.has(node.tagName)) return 0;
  return "childNodes" in node ? node.childNodes.reduce((n, child) => n + textLength(child), 0) : 0;
}

const PROSE_IN_CELL = 150;

/**
 * A table used to lay out the page (old portals wrap the whole article in
 * one), not a table of the report: one cell, a cell holding running text, or
 * a cell holding a table of more than one row. Its cells are read as paragraphs.
 */
function isLayoutTable(table: HtmlElement): boolean {
  const cells = ownRows(table).flatMap(ownCells);
  if (cells.length <= 1) return true;
  return cells.some((cell) => {
    const nested = findElements(cell, (e) => e.tagName === "table");
    return nested.some((t) => ownRows(t).length >= 2) || textLength(cell) > PROSE_IN_CELL;
  });
}

export function findElements(root: HtmlNode, test: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  const visit = (node: HtmlNode) => {
    if (isElement(node)) {
      if (test(node)) found.push(node);
      if (SKIPPED.has(node.tagName)) return;
    }
    if ("childNodes" in node) node.childNodes.forEach(visit);
  };
  if ("childNodes" in root) root.childNodes.forEach(visit);
  return found;
}

function spanAttribute(cell: HtmlElement, name: string, max: number): number {
  const value = Number.parseInt(attribute(cell, name) ?? "", 10);
  if (Number.isNaN(value)) return 1;
  // rowspan="0" reaches to the end of the table (HTML table model).
  if (value === 0 && name === "rowspan") return max;
  return Math.min(Math.max(value, 1), max);
}

/** The HTML table model: each cell takes the first free position of its row; spans reserve the positions below and to the right. */
function readTable(table: HtmlElement, options: WalkOptions): TableBlock {
  const trs = ownRows(table);
  const rows: string[][] = trs.map(() => []);
  const spans: CellSpan[] = [];
  const taken = trs.map(() => new Set<number>());
  trs.forEach((tr, r) => {
    let column = 0;
    for (const cell of ownCells(tr)) {
      if (options.skip?.(cell) || isHidden(cell)) continue;
      while (taken[r]!.has(column)) column += 1;
      const colSpan = spanAttribute(cell, "colspan", 1000);
      const rowSpan = spanAttribute(cell, "rowspan", trs.length - r);
      const text = cellText(cell, options);
      for (let dr = 0; dr < rowSpan; dr += 1) {
        for (let dc = 0; dc < colSpan; dc += 1) {
          taken[r + dr]!.add(column + dc);
          rows[r + dr]![column + dc] = dr === 0 && dc === 0 ? text : "";
        }
      }
      if (rowSpan > 1 || colSpan > 1) spans.push({ row: r, column, rowSpan, colSpan });
      column += colSpan;
    }
  });
  // Positions no cell reaches inside a row (a short row beside a rowspan) are empty cells.
  const grid = rows.map((cells) => Array.from(cells, (cell) => cell ?? ""));
  return spans.length > 0 ? { kind: "table", rows: grid, spans } : { kind: "table", rows: grid };
}

/** A cell's text on one line: its paragraphs joined; a table inside it read row by row, cells apart by a space. */
function cellText(cell: HtmlElement, options: WalkOptions): string {
  const lines = htmlBlocks(cell, { ...(options.skip ? { skip: options.skip } : {}) }).map((block) =>
    block.kind === "paragraph" ? block.text : block.rows.map((row) => row.filter((c) => c !== "").join(" ")).join(" "),
  );
  return joinCellLines(lines);
}

/** The blocks of an element's content, in reading order. */
export function htmlBlocks(root: HtmlNode, options: WalkOptions = {}): Block[] {
  const blocks: Block[] = [];
  let pending = "";
  const holders: HtmlElement[] = [];
  const flush = () => {
    const text = renderedText(pending);
    pending = "";
    if (text === "") return;
    blocks.push({ kind: "paragraph", text });
    const holder = holders[holders.length - 1];
    if (holder) options.onParagraph?.(text, holder);
  };
  const walk = (node: HtmlNode) => {
    if (node.nodeName === "#text" && "value" in node) {
      pending += node.value;
      return;
    }
    if (!isElement(node)) return;
    if (isHidden(node) || options.skip?.(node)) return;
    if (node.tagName === "br") {
      flush();
      return;
    }
    if (node.tagName === "table" && !isLayoutTable(node)) {
      flush();
      blocks.push(readTable(node, options));
      return;
    }
    const block = isBlockElement(node);
    if (block) {
      flush();
      holders.push(node);
    }
    node.childNodes.forEach(walk);
    if (block) {
      flush();
      holders.pop();
    }
  };
  if (isElement(root) && isBlockElement(root)) holders.push(root);
  if ("childNodes" in root) root.childNodes.forEach(walk);
  flush();
  return blocks;
}
