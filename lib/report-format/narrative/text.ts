// The narrative as the checks read it: paragraphs (one per line, as the
// editor stores them) and their sentences, each with its offset so a finding
// can quote the sentence and highlight a figure in it.
import { narrativeBlocks, type NarrativeBlock } from "../sections";

export interface Paragraph extends NarrativeBlock {
  /** 0-based position among the section's blocks. */
  index: number;
}

export interface Sentence {
  /** The sentence as written, with its closing punctuation. */
  text: string;
  /** Offset of the sentence in its paragraph. */
  start: number;
}

export function paragraphsOf(text: string): Paragraph[] {
  return narrativeBlocks(text).map((block, index) => ({ ...block, index }));
}

/** Sentences end at 。！？ (and their half-width forms); a paragraph's last sentence may have none. */
export function sentencesOf(paragraph: string): Sentence[] {
  const sentences: Sentence[] = [];
  const pattern = /[^。！？!?]+[。！？!?]*/g;
  for (const match of paragraph.matchAll(pattern)) {
    const text = match[0];
    if (text.trim()) sentences.push({ text, start: match.index });
  }
  return sentences;
}

/** Whitespace (including the ideographic space) does not make two texts different. */
export function normaliseText(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}

/**
 * A short key for a text, the same in the browser and on the server (FNV-1a
 * over UTF-16 code units): identifies a paragraph in a finding's id.
 */
export function textKey(text: string): string {
  let hash = 0x811c9dc5;
  const normalised = normaliseText(text);
  for (let i = 0; i < normalised.length; i++) {
    hash ^= normalised.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const compiled = new Map<string, Map<string, RegExp>>();

/**
 * A pattern of the format's data, compiled once: the checks run on every
 * keystroke, and building the same RegExp for each sentence dominated them.
 * Keyed by the data's own string (whose hash the engine keeps), not a new one.
 * Only for `test` (non-global) and `matchAll` (which copies a global pattern).
 */
export function regex(source: string, flags = ""): RegExp {
  let byFlags = compiled.get(flags);
  if (!byFlags) compiled.set(flags, (byFlags = new Map()));
  let pattern = byFlags.get(source);
  if (!pattern) byFlags.set(source, (pattern = new RegExp(source, flags)));
  return pattern;
}
