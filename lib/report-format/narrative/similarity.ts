// 雷同: a narrative section that largely repeats the unit's previous report or
// another unit's report of the same year (条例第四十七条 makes copied reports a
// ground for 追责). Texts are compared as sets of character shingles after
// normalising away what a copier changes anyway — figures, the unit's name,
// "我镇"/"本局" — and the statutory template sentences every report shares.
import { makeFinding, type Finding, type PeerReport, type RuleInput } from "../findings";
import { text2021 } from "../format-2021-text";
import { narrativeBlocks, narrativeSections, sectionHeading } from "../sections";
import { regex, sentencesOf } from "./text";
import type { NarrativeTextRules, SimilarityRules } from "./text-types";

/** A text reduced for comparison, each character remembering where it came from. */
export interface ComparableText {
  source: string;
  /** The reduced text, as character codes. */
  codes: Uint16Array;
  /** Offset in `source` where each reduced character starts, and where it ends. */
  start: Int32Array;
  end: Int32Array;
}

export interface Similarity {
  /** Share of the first text's shingles found in the second (0–1). */
  score: number;
  /** The longest passage the two share, as written in each; null when none is long enough. */
  passage: { text: string; other: string } | null;
}

/** Stands for a unit's name or self-reference; for a figure. */
const NAME = "□".charCodeAt(0);
const FIGURE = "#".charCodeAt(0);

/**
 * Whitespace, punctuation and symbols carry nothing a copier would change.
 * Looked up per UTF-16 code: 0 not yet known, 1 ignorable, 2 kept.
 */
const ignorable = new Uint8Array(0x10000);
function isIgnorable(code: number): boolean {
  if (ignorable[code] === 0) ignorable[code] = /[\s\p{P}\p{S}]/u.test(String.fromCharCode(code)) ? 1 : 2;
  return ignorable[code] === 1;
}

const isDigit = (code: number) => (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);

/**
 * The names a unit's text uses for itself: "来安县雷官镇人民政府" →
 * 来安县雷官镇人民政府, 来安县雷官镇, 雷官镇, 雷官. Longest first, so the
 * longest is replaced where several match.
 */
export function unitNames(fullName: string, rules: SimilarityRules = text2021.similarity): string[] {
  const names = new Set<string>([fullName]);
  let name = fullName;
  for (const suffix of rules.unitName.dropSuffixes) {
    if (name.endsWith(suffix) && name.length > suffix.length) name = name.slice(0, -suffix.length);
  }
  names.add(name);
  const local = name.replace(rules.unitName.areaPrefix, "");
  if (local.length >= 2) names.add(local);
  for (const suffix of rules.unitName.placeSuffixes) {
    if (local.endsWith(suffix) && local.length - suffix.length >= 2) names.add(local.slice(0, -suffix.length));
  }
  return [...names].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
}

/** A sentence of the statutory template: the same in every report, whatever the unit did. */
export function isTemplateSentence(sentence: string, rules: NarrativeTextRules = text2021): boolean {
  return rules.boilerplate.sentenceMarkers.some((marker) => sentence.includes(marker));
}

/**
 * Offsets [start, end) of what every report may share: template sentences
 * and the format's customary sub-headings ("（三）政府信息管理").
 */
function templateRanges(text: string, rules: NarrativeTextRules): [number, number][] {
  const ranges: [number, number][] = [];
  let lineStart = 0;
  const markers = rules.boilerplate.sentenceMarkers;
  for (const line of text.split("\n")) {
    if (line.length <= 40 && narrativeBlocks(line)[0]?.kind === "subheading") {
      ranges.push([lineStart, lineStart + line.length]);
    } else if (markers.some((marker) => line.includes(marker))) {
      for (const sentence of sentencesOf(line)) {
        if (!isTemplateSentence(sentence.text, rules)) continue;
        const start = lineStart + sentence.start;
        ranges.push([start, start + sentence.text.length]);
      }
    }
    lineStart += line.length + 1;
  }
  return ranges;
}

/**
 * Drops template sentences, sub-headings, whitespace and punctuation;
 * replaces each of `names` (longest first) and each self-reference by one
 * placeholder, and each run of digits by another, so "2023年雷官镇发布528条"
 * and "2024年张山镇发布612条" compare equal.
 */
export function comparableText(
  source: string,
  names: readonly string[],
  rules: NarrativeTextRules = text2021,
): ComparableText {
  // Marked spans: end offset at their start, whether dropped or a name; `taken` keeps them apart.
  const spanEnd = new Int32Array(source.length);
  const spanIsName = new Uint8Array(source.length);
  const taken = new Uint8Array(source.length);
  const mark = (from: number, to: number, isName: boolean) => {
    for (let i = from; i < to; i++) if (taken[i]) return;
    taken.fill(1, from, to);
    spanEnd[from] = to;
    spanIsName[from] = isName ? 1 : 0;
  };
  for (const [from, to] of templateRanges(source, rules)) mark(from, to, false);
  for (const name of [...names].sort((x, y) => y.length - x.length)) {
    for (let at = source.indexOf(name); at >= 0; at = source.indexOf(name, at + name.length)) {
      mark(at, at + name.length, true);
    }
  }
  for (const match of source.matchAll(regex(rules.similarity.selfReference.source, "g"))) {
    mark(match.index, match.index + match[0].length, true);
  }

  const codes = new Uint16Array(source.length);
  const starts = new Int32Array(source.length);
  const ends = new Int32Array(source.length);
  let length = 0;
  const emit = (code: number, from: number, to: number) => {
    codes[length] = code;
    starts[length] = from;
    ends[length] = to;
    length++;
  };
  let i = 0;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    const to = spanEnd[i] ?? 0;
    if (to > i) {
      if (spanIsName[i]) emit(NAME, i, to);
      i = to;
    } else if (isDigit(code)) {
      let j = i + 1;
      while (j < source.length && isDigit(source.charCodeAt(j))) j++;
      emit(FIGURE, i, j);
      i = j;
    } else {
      if (!isIgnorable(code)) emit(code, i, i + 1);
      i++;
    }
  }
  return { source, codes: codes.subarray(0, length), start: starts.subarray(0, length), end: ends.subarray(0, length) };
}

/** FNV-1a of the k codes at each position: shingles are compared as numbers, not substrings. */
function shingleHashes(codes: Uint16Array, k: number): Uint32Array {
  const hashes = new Uint32Array(Math.max(0, codes.length - k + 1));
  for (let i = 0; i < hashes.length; i++) {
    let hash = 0x811c9dc5;
    for (let t = 0; t < k; t++) hash = Math.imul(hash ^ (codes[i + t] ?? 0), 0x01000193);
    hashes[i] = hash >>> 0;
  }
  return hashes;
}

/** The distinct values, ascending: a sorted array compares faster than a Set. */
function distinctSorted(hashes: Uint32Array): Uint32Array {
  const sorted = hashes.slice().sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i] ?? 0;
  return sorted.subarray(0, n);
}

/**
 * Share of a's distinct shingles that b has too (containment, so a short
 * section copied into a longer one still counts), by merging the sorted lists.
 */
function containment(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const [x, y] = [a[i] ?? 0, b[j] ?? 0];
    if (x === y) shared++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return shared / a.length;
}

/**
 * The longest run the two texts share, found by extending each shared shingle
 * (greedy: after a run, the search resumes near its end). Linear in practice:
 * each shingle is tried against at most a few positions of b.
 */
function longestShared(a: Prepared, b: Prepared, k: number, minLength: number): Similarity["passage"] {
  // Positions of each shingle in b, as chains: first[hash] → next[position] → …
  const first = new Map<number, number>();
  const next = new Int32Array(b.hashes.length).fill(-1);
  for (let j = b.hashes.length - 1; j >= 0; j--) {
    const hash = b.hashes[j] ?? 0;
    next[j] = first.get(hash) ?? -1;
    first.set(hash, j);
  }
  const [x, y] = [a.text.codes, b.text.codes];
  let best = { i: 0, j: 0, length: 0 };
  let i = 0;
  while (i < a.hashes.length) {
    let runHere = 0;
    let j = first.get(a.hashes[i] ?? 0) ?? -1;
    for (let tried = 0; j >= 0 && tried < 4; tried++, j = next[j] ?? -1) {
      let length = 0;
      while (i + length < x.length && x[i + length] === y[j + length]) length++;
      // A hash collision shows as a run shorter than a shingle.
      if (length < k) continue;
      runHere = Math.max(runHere, length);
      if (length > best.length) best = { i, j, length };
    }
    i += Math.max(1, runHere - k + 1);
  }
  if (best.length < Math.max(k, minLength)) return null;
  const slice = (t: ComparableText, from: number) =>
    t.source.slice(t.start[from] ?? 0, t.end[from + best.length - 1] ?? t.source.length).trim();
  return { text: slice(a.text, best.i), other: slice(b.text, best.j) };
}

/** A section ready for comparison; null when too short to compare. */
interface Prepared {
  text: ComparableText;
  /** The shingle at each position, and the distinct shingles sorted. */
  hashes: Uint32Array;
  shingles: Uint32Array;
}

/** Prepared texts by rules, names and text: last year's report and the peers stay the same while the clerk types. */
const preparedCache = new WeakMap<NarrativeTextRules, Map<string, Prepared | null>>();
const PREPARED_CACHE_SIZE = 2000;

/** The names as one cache key; sorted: on the board every unit of a county names the same units, in another order. */
const namesKeyOf = (names: readonly string[]) => [...names].sort().join("\u0001");

function prepare(text: string, names: readonly string[], rules: NarrativeTextRules, namesKey = namesKeyOf(names)): Prepared | null {
  let cache = preparedCache.get(rules);
  if (!cache) preparedCache.set(rules, (cache = new Map()));
  const key = `${namesKey}\u0000${text}`;
  if (cache.has(key)) return cache.get(key)!;
  const prepared = prepareUncached(text, names, rules);
  if (cache.size >= PREPARED_CACHE_SIZE) cache.clear();
  cache.set(key, prepared);
  return prepared;
}

function prepareUncached(text: string, names: readonly string[], rules: NarrativeTextRules): Prepared | null {
  const comparable = comparableText(text, names, rules);
  if (comparable.codes.length < rules.similarity.minLength) return null;
  const hashes = shingleHashes(comparable.codes, rules.similarity.shingle);
  return { text: comparable, hashes, shingles: distinctSorted(hashes) };
}

function similarity(a: Prepared, b: Prepared, rules: NarrativeTextRules): Similarity {
  const score = containment(a.shingles, b.shingles);
  const { shingle, minPassage } = rules.similarity;
  return { score, passage: score > 0 ? longestShared(a, b, shingle, minPassage) : null };
}

/**
 * How much of section `a` is in `b`. `names` are the units' names, replaced in
 * both texts (a copy with the name swapped is still a copy). A section shorter
 * than the format's minimum, on either side, scores 0.
 */
export function sectionSimilarity(
  a: string,
  b: string,
  options: { names?: readonly string[]; rules?: NarrativeTextRules } = {},
): Similarity {
  const rules = options.rules ?? text2021;
  const left = prepare(a, options.names ?? [], rules);
  const right = prepare(b, options.names ?? [], rules);
  return left && right ? similarity(left, right, rules) : { score: 0, passage: null };
}

const percent = (score: number) => `${Math.round(score * 100)}%`;
const brief = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max)}…` : text);

function detail(heading: string, other: string, result: Similarity): string {
  const example = result.passage ? `，如“${brief(result.passage.text)}”` : "";
  return `“${heading}”与${other}相似度${percent(result.score)}${example}`;
}

/**
 * similar-previous and similar-peer, one finding per section and rule. Every
 * text is normalised once, with the names of all units involved, so that one
 * peer is a set comparison (the board runs this for every unit of a county).
 */
export function checkSimilarity(input: RuleInput): Finding[] {
  const { format, sections, previousSections, peers = [], organization } = input;
  if (!sections) return [];
  const rules = format.narrative.text;
  const ownNames = unitNames(organization.name, rules.similarity);
  const names = [...ownNames, ...peers.flatMap((peer) => unitNames(peer.unitName, rules.similarity))];
  const namesKey = namesKeyOf(names);
  return narrativeSections(format).flatMap((section) => {
    const own = prepare(sections[section.key] ?? "", names, rules, namesKey);
    if (!own) return [];
    const heading = sectionHeading(section);
    const found: Finding[] = [];

    const before = previousSections?.[section.key];
    const previous = before ? prepare(before, names, rules, namesKey) : null;
    const vsPrevious = previous ? similarity(own, previous, rules) : null;
    if (vsPrevious && vsPrevious.score >= rules.similarity.threshold.previous) {
      const passage = vsPrevious.passage;
      found.push(
        makeFinding(format, "similar-previous", detail(heading, "上一年度报告", vsPrevious), {
          section: section.key,
          quote: passage ? { text: passage.text } : undefined,
          beside: passage ? { label: "上一年度报告", text: passage.other } : undefined,
        }),
      );
    }

    // Only the most similar peer is reported, and only its passage worked out.
    let top: { peer: PeerReport; prepared: Prepared; score: number } | null = null;
    for (const peer of peers) {
      const prepared = prepare(peer.sections[section.key] ?? "", names, rules, namesKey);
      const score = prepared ? containment(own.shingles, prepared.shingles) : 0;
      if (prepared && score > (top?.score ?? 0)) top = { peer, prepared, score };
    }
    if (top && top.score >= rules.similarity.threshold.peer) {
      const { peer } = top;
      const result = similarity(own, top.prepared, rules);
      const passage = result.passage;
      // The key names no peer: the clerk's explanation stays with the section, whoever is most similar.
      found.push(
        makeFinding(format, "similar-peer", detail(heading, `${peer.unitName}的报告`, result), {
          section: section.key,
          quote: passage ? { text: passage.text } : undefined,
          beside: passage ? { label: `${peer.unitName}的报告`, text: passage.other } : undefined,
          peer: { unitId: peer.unitId, unitName: peer.unitName },
        }),
      );
    }
    return found;
  });
}
