// The folders of lib/ form layers: no folder imports one that imports it
// back (reports ↔ workflow, audit ↔ auth and reports ↔ supervision once did).
// A cycle makes a change in one folder ripple through the other and hides
// which of the two is the lower layer.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.join(process.cwd(), "lib");
const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The top folder of lib/ a path lies in, or null for lib's own files and anything outside. */
function folderOf(file: string): string | null {
  const parts = path.relative(LIB, file).split(path.sep);
  return parts.length > 1 && parts[0] !== ".." ? parts[0]! : null;
}

function folderImports(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(LIB)) {
    const from = folderOf(file);
    if (!from) continue;
    for (const [, target] of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const resolved = target!.startsWith("@/lib/")
        ? path.join(LIB, target!.slice("@/lib/".length))
        : target!.startsWith(".")
          ? path.resolve(path.dirname(file), target!)
          : null;
      const to = resolved && folderOf(resolved);
      if (!to || to === from || to === "generated") continue;
      if (!edges.has(from)) edges.set(from, new Map());
      edges.get(from)!.set(to, path.relative(process.cwd(), file));
    }
  }
  return edges;
}

describe("lib's folders", () => {
  it("import no folder that imports them back", () => {
    const edges = folderImports();
    const cycles: string[] = [];
    for (const [a, targets] of edges) {
      for (const [b, via] of targets) {
        const back = edges.get(b)?.get(a);
        if (back && a < b) cycles.push(`${a} ↔ ${b} (${via}; ${back})`);
      }
    }
    expect(edges.size).toBeGreaterThan(10);
    expect(cycles).toEqual([]);
  });
});
