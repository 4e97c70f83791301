// Whether the production build in .next is older than the code it was built
// from: timing a stale build measures code that is no longer there (a merge
// that rewrote the board, say), so the bench builds again when any source
// file changed after the last build.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "lib", "components", "server.ts", "next.config.mjs", "package-lock.json"];
const BUILD_ID = ".next/BUILD_ID";

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    // The generated client follows the schema, which a migration changes along with lib/.
    if (child === "generated") continue;
    newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

/** Null when the build is current; else why it is not. */
export function staleBuild(): string | null {
  if (!existsSync(BUILD_ID)) return "no build yet";
  const built = statSync(BUILD_ID).mtimeMs;
  const changed = SOURCES.filter((source) => newestChange(source) > built);
  return changed.length > 0 ? `${changed.join(", ")} changed since the last build` : null;
}
