// The tree as it would be after the import: each unit of the file under the
// parent the file gives it, every other unit where it is. The database
// refuses a cycle only when the write arrives (one row at a time); the plan
// finds it first, and names it, so that the preview can say which rows make it.
export interface TreeEntry {
  id: string;
  name: string;
  parentId: string | null;
}

export class PlannedTree {
  private readonly entries = new Map<string, TreeEntry>();
  private readonly chains = new Map<string, string[] | null>();

  /** Known units first, then the file's: a unit of the file replaces where it stood. */
  set(entry: TreeEntry): void {
    this.entries.set(entry.id, entry);
    this.chains.clear();
  }

  get(id: string): TreeEntry | undefined {
    return this.entries.get(id);
  }

  /** The ids above `id`, root first; null when following the parents comes back round (a cycle). */
  chain(id: string): string[] | null {
    const cached = this.chains.get(id);
    if (cached !== undefined) return cached;
    const up: string[] = [];
    const seen = new Set<string>([id]);
    let parent = this.entries.get(id)?.parentId ?? null;
    let result: string[] | null = null;
    for (;;) {
      if (parent === null) {
        result = up.reverse();
        break;
      }
      if (seen.has(parent)) break;
      seen.add(parent);
      up.push(parent);
      parent = this.entries.get(parent)?.parentId ?? null;
    }
    this.chains.set(id, result);
    return result;
  }

  /** The names around the cycle `id` is part of (A → B → A), or null when it is in none. */
  cycleThrough(id: string): string[] | null {
    const names = [this.entries.get(id)?.name ?? id];
    const seen = new Set<string>([id]);
    let parent = this.entries.get(id)?.parentId ?? null;
    while (parent !== null && !seen.has(parent)) {
      seen.add(parent);
      names.push(this.entries.get(parent)?.name ?? parent);
      parent = this.entries.get(parent)?.parentId ?? null;
    }
    if (parent !== id) return null;
    names.push(names[0]!);
    return names;
  }
}
