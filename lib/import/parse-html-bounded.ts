// HTML parsed with bounds on what it may build. A page is parsed by parse5,
// which never recurses, but hostile markup can make it build without end:
// 4 MB of nested <b><p> made the parser re-open every <b> at every <p>
// (the HTML standard's "reconstruct the active formatting elements") and
// froze the server for two minutes. So the elements built are counted as
// they are built and the parse stops at a bound; the tree's depth is bounded
// too, so that the readers that walk it (read-html-blocks.ts) stay within the stack.
import { defaultTreeAdapter, parse, parseFragment, type DefaultTreeAdapterMap, type TreeAdapter } from "parse5";
import type { HtmlNode } from "./read-html-blocks";
import { UnreadableFileError } from "./read-source";

/** A real report page, Word's spans and the portal's chrome included, has a few thousand elements; a .docx some tens of thousands. */
export const MAX_HTML_ELEMENTS = 200_000;
/** Word and portal pages nest a few tens deep (layout tables in tables included). */
export const MAX_HTML_DEPTH = 200;

export class HtmlBoundError extends UnreadableFileError {
  constructor(message: string) {
    super(message);
    this.name = "HtmlBoundError";
  }
}

function countingAdapter(): TreeAdapter<DefaultTreeAdapterMap> {
  let built = 0;
  const count = () => {
    built += 1;
    if (built > MAX_HTML_ELEMENTS) throw new HtmlBoundError(`文件中的元素过多（超过 ${MAX_HTML_ELEMENTS.toLocaleString("en-US")} 个），不像一份年度报告，未读取`);
  };
  return {
    ...defaultTreeAdapter,
    createElement: (...args) => (count(), defaultTreeAdapter.createElement(...args)),
    createCommentNode: (...args) => (count(), defaultTreeAdapter.createCommentNode(...args)),
  };
}

/** Walked with a stack of its own, not by recursion: the check must not be what overflows. */
function checkDepth(root: HtmlNode): void {
  const stack: [HtmlNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_HTML_DEPTH) throw new HtmlBoundError(`文件的结构嵌套过深（超过 ${MAX_HTML_DEPTH} 层），不像一份年度报告，未读取`);
    if ("childNodes" in node) for (const child of node.childNodes) stack.push([child, depth + 1]);
  }
}

export function parseHtmlBounded(html: string) {
  const document = parse(html, { treeAdapter: countingAdapter() });
  checkDepth(document);
  return document;
}

export function parseHtmlFragmentBounded(html: string) {
  const fragment = parseFragment(html, { treeAdapter: countingAdapter() });
  checkDepth(fragment);
  return fragment;
}
