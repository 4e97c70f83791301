// Public pages are documents: everything on them is in the server-rendered
// HTML, links are plain links and the one control (大字号) is a link too. What
// Next.js adds for its client runtime — the framework's scripts, the inline
// RSC payload that hydrates the page, preloads of script chunks — costs a
// phone on a slow network most of the transfer and half a second of blocked
// main thread, and buys nothing here. This takes it out of the rendered HTML.
import { parse, serialize, type DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/** What only the client runtime uses. */
function isRuntimeOnly(element: Element): boolean {
  if (element.tagName === "script") return true;
  if (element.tagName !== "link") return false;
  const rel = (attribute(element, "rel") ?? "").toLowerCase();
  return rel === "modulepreload" || (rel === "preload" && attribute(element, "as") === "script");
}

/**
 * Content streamed in after the shell (a Suspense boundary that resolved late)
 * arrives hidden and is moved into place by an inline script. Without the
 * script it would stay hidden, so such a page is left as it is.
 */
function hasStreamedContent(element: Element): boolean {
  return (element.tagName === "div" && attribute(element, "hidden") !== undefined && /^S:/.test(attribute(element, "id") ?? "")) ||
    (element.tagName === "template" && /^B:/.test(attribute(element, "id") ?? ""));
}

function strip(node: Node): { removed: number; streamed: boolean } {
  let removed = 0;
  let streamed = false;
  if (!("childNodes" in node)) return { removed, streamed };
  node.childNodes = node.childNodes.filter((child) => {
    if ("tagName" in child && isRuntimeOnly(child)) {
      removed += 1;
      return false;
    }
    return true;
  });
  for (const child of node.childNodes) {
    if ("tagName" in child && hasStreamedContent(child)) streamed = true;
    const below = strip(child);
    removed += below.removed;
    streamed ||= below.streamed;
    // A <template>'s children live in its content fragment.
    if ("content" in child && child.content) {
      const inside = strip(child.content as unknown as Node);
      removed += inside.removed;
      streamed ||= inside.streamed;
    }
  }
  return { removed, streamed };
}

/** The page without its client runtime, or null when it cannot do without it (streamed content). */
export function withoutClientRuntime(html: string): string | null {
  const document = parse(html);
  const { streamed } = strip(document);
  if (streamed) return null;
  return serialize(document);
}
