// The metadata a portal prints above a published item (索引号, 发布机构, 成文日期,
// 发布日期, 文号, 主题分类 …): label/value pairs in a small table, a <dl>, a
// list or a row of spans, labels with or without "：". Found by its labels,
// not by the markup of any one portal.
import { parseSignatureDate } from "./parse-date";
import { childElements, isBlockElement, isElement, isHidden, renderedText, type HtmlElement, type HtmlNode } from "./read-html-blocks";

export interface PortalMetadata {
  indexNumber?: string;
  publisher?: string;
  /** 成文日期, YYYY-MM-DD */
  writtenOn?: string;
  /** 发布日期 or 公开日期, YYYY-MM-DD */
  publishedOn?: string;
  documentNumber?: string;
  /** Every label (spaces and colon removed) with its value, as printed. */
  raw: Record<string, string>;
}

/** Labels portals print; the first group of each field is what fills PortalMetadata. */
const FIELDS = {
  indexNumber: ["索引号"],
  publisher: ["发布机构", "发文机关", "发布单位", "发文单位"],
  writtenOn: ["成文日期", "成文时间", "生成日期"],
  publishedOn: ["发布日期", "公开日期", "发布时间", "公开时间"],
  documentNumber: ["文号", "发文字号", "发布文号"],
} as const;
const OTHER_LABELS = [
  "主题分类", "组配分类", "体裁分类", "信息分类", "服务对象分类", "公开方式", "公开范围", "公开时限", "有效性", "时效",
  "信息来源", "名称", "标题", "关键词", "关键字", "主题词", "生效时间", "生效日期", "废止时间", "废止日期", "信息格式", "内容概述",
];
const KNOWN = [...Object.values(FIELDS).flat(), ...OTHER_LABELS].sort((a, b) => b.length - a.length);

/** A known label (its characters perhaps spaced out, as some portals align them) and its colon. */
const LABEL = new RegExp(`(?:^|(?<=\\s))(${KNOWN.map((l) => [...l].join("\\s*")).join("|")})\\s*(?:[:：]|$)`, "g");
/** Any short label at the start of a text: "信息来源：…". */
const GENERIC = /^([\u4e00-\u9fa5]{2,8})\s*[:：]\s*/;

/** Inline formatting that does not separate a label from its value. */
const FORMATTING = new Set(["b", "strong", "em", "i", "u", "font", "o:p", "sup", "sub", "small", "big"]);

/** The texts of an element split where its markup separates them (cells, spans, list items). */
function pieces(root: HtmlNode): string[] {
  const found: string[] = [];
  let pending = "";
  const flush = () => {
    const text = renderedText(pending);
    if (text !== "") found.push(text);
    pending = "";
  };
  const walk = (node: HtmlNode) => {
    if (node.nodeName === "#text" && "value" in node) pending += node.value;
    if (!isElement(node) || isHidden(node)) return;
    const apart = !FORMATTING.has(node.tagName);
    if (apart) flush();
    node.childNodes.forEach(walk);
    if (apart) flush();
  };
  walk(root);
  flush();
  return found;
}

const compact = (label: string) => label.replace(/[\s\u3000]/g, "");

/** Label/value pairs in reading order: "索引号：X" in one piece, or a label piece and its value piece. */
export function metadataPairs(root: HtmlNode): [string, string][] {
  const texts = pieces(root);
  const pairs: [string, string][] = [];
  for (let i = 0; i < texts.length; i += 1) {
    const text = texts[i]!;
    const labels = [...text.matchAll(LABEL)];
    const generic = labels[0]?.index === 0 ? undefined : GENERIC.exec(text);
    const found = generic ? [{ label: generic[1]!, start: 0, end: generic[0].length }] : [];
    for (const m of labels) found.push({ label: compact(m[1]!), start: m.index, end: m.index + m[0].length });
    found.sort((a, b) => a.start - b.start);
    found.forEach((label, k) => {
      let value = text.slice(label.end, found[k + 1]?.start ?? text.length).trim();
      const next = texts[i + 1];
      const lastInPiece = k === found.length - 1;
      if (value === "" && lastInPiece && next !== undefined && !startsWithLabel(next)) {
        value = next;
        i += 1;
      }
      pairs.push([label.label, value]);
    });
  }
  return pairs;
}

function startsWithLabel(text: string): boolean {
  LABEL.lastIndex = 0;
  const m = LABEL.exec(text);
  LABEL.lastIndex = 0;
  return m?.index === 0 || GENERIC.test(text);
}

/** Known labels a piece of text holds: how a metadata block is found. */
export function knownLabels(text: string): string[] {
  const c = compact(text);
  if (!KNOWN.some((label) => c.includes(label))) return [];
  return [...text.matchAll(LABEL)].map((m) => compact(m[1]!));
}

function isoDate(value: string): string | undefined {
  const day = value.trim().split(/[\sT]/)[0] ?? "";
  return parseSignatureDate(day)?.iso;
}

export function portalMetadata(pairs: readonly [string, string][]): PortalMetadata {
  const raw: Record<string, string> = {};
  for (const [label, value] of pairs) if (!Object.hasOwn(raw, label)) raw[label] = value;
  const first = (labels: readonly string[]) => labels.map((l) => raw[l]).find((v) => v !== undefined && v !== "");
  const metadata: PortalMetadata = { raw };
  const indexNumber = first(FIELDS.indexNumber);
  const publisher = first(FIELDS.publisher);
  const writtenOn = first(FIELDS.writtenOn);
  const publishedOn = first(FIELDS.publishedOn);
  const documentNumber = first(FIELDS.documentNumber);
  if (indexNumber) metadata.indexNumber = indexNumber;
  if (publisher) metadata.publisher = publisher;
  const written = writtenOn && isoDate(writtenOn);
  if (written) metadata.writtenOn = written;
  const published = publishedOn && isoDate(publishedOn);
  if (published) metadata.publishedOn = published;
  // A report usually has no 文号; portals print "无" or a dash.
  if (documentNumber && !/^(无|—+|-+|\/)$/.test(documentNumber)) metadata.documentNumber = documentNumber;
  return metadata;
}

const MAX_METADATA_TEXT = 1500;

/**
 * The blocks holding the portal's metadata: from each piece naming a known
 * label, the largest enclosing element that stays small and holds no part of
 * the report (`holdsReport`); kept when it names at least two known labels.
 */
export function findMetadataBlocks(body: HtmlElement, holdsReport: (element: HtmlElement) => boolean): HtmlElement[] {
  const holders: HtmlElement[] = [];
  const visit = (element: HtmlElement) => {
    if (isHidden(element)) return;
    const own = element.childNodes.some((n) => n.nodeName === "#text" && "value" in n && knownLabels(n.value).length > 0);
    if (own) holders.push(element);
    childElements(element).forEach(visit);
  };
  visit(body);
  const blocks = new Set<HtmlElement>();
  for (const holder of holders) {
    let top: HtmlElement | undefined;
    for (let at: HtmlElement | null = holder; at && at !== body; at = parentElement(at)) {
      if (holdsReport(at) || textOf(at).length > MAX_METADATA_TEXT) break;
      if (isBlockElement(at)) top = at;
    }
    if (top) blocks.add(top);
  }
  return [...blocks].filter((b) => new Set(pieces(b).flatMap(knownLabels)).size >= 2);
}

function parentElement(element: HtmlElement): HtmlElement | null {
  const parent = element.parentNode;
  return parent && isElement(parent) ? parent : null;
}

function textOf(element: HtmlElement): string {
  return pieces(element).join("");
}
