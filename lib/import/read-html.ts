// A report as a portal publishes it: a saved page (.html/.htm) with the
// site's chrome around the article. The article is found by what a report
// holds — its title "…政府信息公开工作年度报告" and the section headings 一、…六、 —
// and read into blocks; navigation, breadcrumb, share and footer are left
// out, and the portal's metadata table is read into its own record.
import { parseHtmlBounded } from "./parse-html-bounded";
import { formats } from "@/lib/report-format";
import type { Block } from "./document-blocks";
import { attribute, findElements, htmlBlocks, isElement, isHidden, type HtmlElement, type HtmlNode } from "./read-html-blocks";
import { findMetadataBlocks, metadataPairs, portalMetadata, type PortalMetadata } from "./read-portal-metadata";

export type { PortalMetadata } from "./read-portal-metadata";

export interface HtmlReport {
  blocks: Block[];
  metadata: PortalMetadata;
}

const compact = (text: string) => text.replace(/[\s\u3000]/g, "");

/** The title as the format has it ({机关}{年}年政府信息公开工作年度报告), a line of its own, not a sentence. */
function isTitleText(text: string): boolean {
  const c = compact(text);
  return c.length <= 60 && c.includes("政府信息公开") && /年度报告|年报/.test(c) && !/[。；，：:]/.test(c);
}

/** The first words of every section heading of every format version: 总体情况, 主动公开政府信息情况 … */
const HEADING_STARTS = [
  ...new Set(formats.flatMap((f) => f.sections.flatMap((s) => [s.heading, ...s.headingVariants]).map((h) => compact(h).slice(0, 4)))),
];
const NUMBERED = /^(?:[一二三四五六七八九十]|\d{1,2})[、.．](.+)$/;

function isSectionHeading(text: string): boolean {
  const c = compact(text);
  const rest = NUMBERED.exec(c)?.[1];
  return c.length <= 40 && rest !== undefined && HEADING_STARTS.some((start) => rest.startsWith(start));
}

/** Class and id words that name page chrome (with the pinyin initials Chinese portals use: dqwz 当前位置, wzdh 网站导航 …). */
const CHROME_WORDS = new Set([
  "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "footer", "foot", "share",
  "bdshare", "related", "relate", "copyright", "sidebar", "side", "topbar", "header", "banner", "logo", "search",
  "login", "toolbar", "tools", "print", "position", "location", "dqwz", "wzdh", "xgxx", "xglj", "yqlj", "bottom",
  "links", "friendlink", "pager", "pagination", "qrcode", "ewm", "skip", "fontsize", "zh", "wza",
]);
/** Lines that are the page's, not the report's. */
const CHROME_LINE =
  /^(?:当前位置|您当前的位置|您现在的位置|您的位置|你的位置|位置：|首页\s*[>＞»/]|上一篇|下一篇|分享到|【?打印|【?关闭|扫一扫|字号|浏览次数|访问量|阅读次数|【\s*字体|发布时间[:：]|(?:信息)?来源[:：])/;

function chromeWords(element: HtmlElement): string[] {
  return [attribute(element, "class"), attribute(element, "id")]
    .flatMap((v) => (v ?? "").toLowerCase().split(/[\s_-]+/))
    .map((w) => w.replace(/\d+$/, ""))
    .filter((w) => w !== "");
}

function hasAncestor(element: HtmlElement, tags: readonly string[]): boolean {
  for (let at = element.parentNode; at && isElement(at); at = at.parentNode) if (tags.includes(at.tagName)) return true;
  return false;
}

interface LinkStats {
  /** Characters of text, spaces aside. */
  text: number;
  /** Of them, inside links. */
  linked: number;
  links: number;
}

/** Text and link text of every element under root, counted in one pass. */
function linkStats(root: HtmlElement): Map<HtmlElement, LinkStats> {
  const stats = new Map<HtmlElement, LinkStats>();
  const visit = (element: HtmlElement, inLink: boolean): LinkStats => {
    const link = element.tagName === "a";
    const own: LinkStats = { text: 0, linked: 0, links: link ? 1 : 0 };
    for (const node of element.childNodes) {
      if (node.nodeName === "#text" && "value" in node) {
        const length = compact(node.value).length;
        own.text += length;
        if (inLink || link) own.linked += length;
      } else if (isElement(node) && !isHidden(node)) {
        const child = visit(node, inLink || link);
        own.text += child.text;
        own.linked += child.linked;
        own.links += child.links;
      }
    }
    stats.set(element, own);
    return own;
  };
  visit(root, false);
  return stats;
}

/** Page chrome by its tag, its class or id, or by being mostly links (menus, lists of other items). */
function isChrome(element: HtmlElement, links: Map<HtmlElement, LinkStats>): boolean {
  const tag = element.tagName;
  if (tag === "nav" || tag === "aside") return true;
  // A <header>/<footer> inside the article is the article's own (its title, its date).
  if ((tag === "header" || tag === "footer") && !hasAncestor(element, ["article", "main"])) return true;
  if (chromeWords(element).some((w) => CHROME_WORDS.has(w))) return true;
  const stats = links.get(element);
  return !!stats && stats.links >= 3 && stats.text > 0 && stats.linked / stats.text > 0.7;
}

function ancestors(element: HtmlElement): HtmlElement[] {
  const chain: HtmlElement[] = [];
  for (let at: HtmlNode | null = element; at && isElement(at); at = at.parentNode) chain.push(at);
  return chain.reverse();
}

/** The innermost element holding all the given ones. */
function commonAncestor(elements: readonly HtmlElement[], fallback: HtmlElement): HtmlElement {
  const chains = elements.map(ancestors);
  const first = chains[0];
  if (!first) return fallback;
  let common: HtmlElement = fallback;
  for (let i = 0; i < first.length; i += 1) {
    if (chains.every((chain) => chain[i] === first[i])) common = first[i]!;
    else break;
  }
  return common;
}

function findBody(root: HtmlNode): HtmlElement {
  const body = findElements(root, (e) => e.tagName === "body")[0];
  if (!body) throw new Error("parse5 always builds a <body>");
  return body;
}

export function readHtmlReport(html: string): HtmlReport {
  const body = findBody(parseHtmlBounded(html));

  // What the report holds, and where: title candidates and section headings in document order.
  const titles: HtmlElement[] = [];
  const headings: HtmlElement[] = [];
  const order = new Map<HtmlElement, number>();
  htmlBlocks(body, {
    skip: (e) => e.tagName === "nav" || e.tagName === "aside",
    onParagraph: (text, element) => {
      order.set(element, order.size);
      if (isSectionHeading(text)) headings.push(element);
      else if (isTitleText(text)) titles.push(element);
    },
  });
  const firstHeading = headings[0] && order.get(headings[0]);
  // The report's own title is the last one before section 一 (breadcrumbs and lists of other years' reports come earlier or later).
  const title =
    firstHeading === undefined
      ? titles[0]
      : [...titles].reverse().find((t) => (order.get(t) ?? Infinity) < firstHeading) ?? titles[0];
  const markers = [...(title ? [title] : []), ...headings];
  const holdsMarker = new Set(markers.flatMap(ancestors));

  const metadataBlocks = new Set(findMetadataBlocks(body, (e) => holdsMarker.has(e)));
  const metadata = portalMetadata([...metadataBlocks].flatMap(metadataPairs));

  const container = markers.length > 0 ? commonAncestor(markers, body) : body;
  const links = linkStats(container);
  const chrome = new Map<HtmlElement, boolean>();
  const skip = (element: HtmlElement) => {
    if (metadataBlocks.has(element)) return true;
    if (holdsMarker.has(element)) return false;
    let verdict = chrome.get(element);
    if (verdict === undefined) chrome.set(element, (verdict = isChrome(element, links)));
    return verdict;
  };
  const blocks = htmlBlocks(container, { skip }).filter((b) => b.kind === "table" || !CHROME_LINE.test(b.text));
  return { blocks, metadata };
}
