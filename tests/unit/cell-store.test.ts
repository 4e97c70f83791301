// The editor's cell store: a keystroke notifies the typed cell alone, the
// checks notify only the cells whose view changed, and a state that is a
// keystroke behind never puts an older value back into the input.
import { describe, expect, it } from "vitest";
import { CellStore, type CheckedView } from "@/app/workspace/reports/[reportId]/_components/cell-store";
import { format2021, formatCells, type Finding } from "@/lib/report-format";

const plain = (extra: Partial<CheckedView> = {}): CheckedView => ({ findings: [], notes: [], flagged: false, ...extra });
const finding = (message: string): Finding => ({ rule: "R1", severity: "error", message, cells: ["a"] }) as Finding;

function storeWith(keys: string[]) {
  const store = new CellStore();
  const checked = new Map(keys.map((key) => [key, plain()]));
  store.update(checked, Object.fromEntries(keys.map((key) => [key, "0"])), {}, false);
  const heard: string[] = [];
  for (const key of keys) store.subscribe(key, () => heard.push(key));
  return { store, checked, heard };
}

describe("the editor's cell store", () => {
  it("notifies only the typed cell", () => {
    const { store, heard } = storeWith(["a", "b", "c"]);
    store.setValue("b", "12");
    expect(heard).toEqual(["b"]);
    expect(store.get("b").value).toBe("12");
  });

  it("notifies only the cells whose checks changed, comparing findings by content", () => {
    const { store, checked, heard } = storeWith(["a", "b", "total"]);
    const next = new Map(checked);
    next.set("a", plain({ findings: [finding("第一项加第二项之和应等于…")], flagged: true }));
    next.set("b", plain({ findings: [] }));
    next.set("total", plain({ computed: "7" }));
    store.update(next, { a: "0", b: "0", total: "" }, {});
    expect(heard.sort()).toEqual(["a", "total"]);
    heard.length = 0;
    // The same findings again, as new objects: nothing to repaint.
    store.update(new Map([...next, ["a", plain({ findings: [finding("第一项加第二项之和应等于…")], flagged: true })]]), { a: "0", b: "0", total: "" }, {});
    expect(heard).toEqual([]);
    expect(store.get("total").value).toBe("7");
  });

  it("keeps what was typed while the state is a keystroke behind, then follows the state again", () => {
    const { store, checked } = storeWith(["a"]);
    store.setValue("a", "1");
    store.setValue("a", "12");
    // A render of the state that has only the first keystroke.
    store.update(checked, { a: "1" }, {});
    expect(store.get("a").value).toBe("12");
    // The state catches up; from then on a change from elsewhere (a merge, a restore) shows.
    store.update(checked, { a: "12" }, {});
    store.update(checked, { a: "35" }, {});
    expect(store.get("a").value).toBe("35");
  });

  it("shows the server's message for a cell", () => {
    const { store, checked } = storeWith(["a"]);
    store.update(checked, { a: "-1" }, { "cells.a": "不能为负数" });
    expect(store.get("a")).toMatchObject({ value: "-1", serverError: "不能为负数" });
  });

  describe("with the format, the totals", () => {
    // A column total of table 三 and one of the cells it adds up.
    const total = formatCells(format2021).find((cell) => cell.sum?.along === "column")!;
    const part = total.sum!.of[0]!;

    function formatStore() {
      const store = new CellStore(format2021);
      const checked = new Map(formatCells(format2021).map((cell) => [cell.key, plain(cell.sum ? { computed: "" } : {})]));
      store.update(checked, {}, {}, false);
      const heard: string[] = [];
      for (const cell of formatCells(format2021)) store.subscribe(cell.key, () => heard.push(cell.key));
      return { store, checked, heard };
    }

    it("follow the keystroke: the typed cell and the totals it is part of repaint, nothing else", () => {
      const { store, heard } = formatStore();
      store.setValue(part, "12");
      expect(store.get(total.key).value).toBe("12");
      expect(heard).toContain(part);
      expect(heard).toContain(total.key);
      // Only sums that include the typed cell changed.
      const sums = formatCells(format2021).filter((cell) => cell.sum);
      expect(heard.filter((key) => key !== part).every((key) => sums.some((cell) => cell.key === key))).toBe(true);
      expect(heard.length).toBeLessThan(6);
    });

    it("count an unreadable value as empty, as the checks do", () => {
      const { store } = formatStore();
      store.setValue(part, "12");
      store.setValue(part, "12a");
      expect(store.get(total.key).value).toBe("");
    });

    it("are not put back by checks of older values", () => {
      const { store, checked } = formatStore();
      store.setValue(part, "7");
      // Checks made before the keystroke (they still say the total is empty) arrive with the state that has it.
      store.update(checked, { [part]: "7" }, {});
      expect(store.get(total.key).value).toBe("7");
    });
  });

  it("follows the state's values cheaply: only cells whose value changed repaint, and the typed value wins until the state has it", () => {
    const { store, heard } = storeWith(["a", "b", "c"]);
    store.setValue("a", "12");
    heard.length = 0;
    // A transition's state a keystroke behind: nothing changes on screen.
    store.followState({ a: "1", b: "0", c: "0" });
    expect(heard).toEqual([]);
    expect(store.get("a").value).toBe("12");
    // The state catches up, then a merge changes another cell.
    store.followState({ a: "12", b: "0", c: "0" });
    store.followState({ a: "12", b: "5", c: "0" });
    expect(heard).toEqual(["b"]);
    expect(store.get("b").value).toBe("5");
    expect(store.pendingValues()).toEqual({});
  });
});
