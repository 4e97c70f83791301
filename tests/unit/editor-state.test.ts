import { describe, expect, it } from "vitest";
import {
  editorReducer,
  initialState,
  type EditorState,
} from "@/app/workspace/reports/[reportId]/_components/editor-state";
import { emptyValues, format2021 } from "@/lib/report-format";

const content = {
  title: "标题",
  signatureLine: "落款",
  signedOn: null,
  sections: { overview: "原文", problems: "原问题", other: "无" },
  values: { ...emptyValues(format2021), "active.license.decisions": 1 },
};
const start = () => initialState(format2021, 3, "2026-01-01T00:00:00Z", content);

describe("the editor's state", () => {
  it("stays dirty when typing went on while a save was in flight", () => {
    let state: EditorState = editorReducer(start(), { type: "section", key: "other", value: "甲" });
    const sentAt = state.changeCount;
    state = editorReducer(state, { type: "save-start" });
    state = editorReducer(state, { type: "section", key: "other", value: "甲乙" });
    const before = state.saveRound;
    state = editorReducer(state, { type: "saved", version: 4, savedAt: "x", changeCountAtSend: sentAt, sent: { ...state, sections: { ...state.sections, other: "甲" } }, peerFindings: [] });
    expect(state.status).toBe("dirty");
    expect(state.sections.other).toBe("甲乙");
    // A changed saveRound re-arms autosave for what is left.
    expect(state.saveRound).toBe(before + 1);
  });

  it("on a conflict takes the other person's changes where this person changed nothing, and keeps both where both did", () => {
    let state = editorReducer(start(), { type: "section", key: "problems", value: "我的问题" });
    state = editorReducer(state, { type: "cells", values: { "active.license.decisions": "5" } });
    state = editorReducer(state, {
      type: "conflict",
      conflict: {
        version: 4,
        savedAt: "x",
        savedBy: "乙",
        content: {
          ...content,
          title: "乙改的标题",
          sections: { ...content.sections, problems: "乙的问题" },
          values: { ...content.values, "active.license.decisions": 7, "active.penalty.decisions": 2 },
        },
      },
    });
    expect(state.status).toBe("conflict");
    expect(state.title).toBe("乙改的标题"); // untouched here: theirs
    expect(state.raw["active.penalty.decisions"]).toBe("2"); // untouched here: theirs
    expect(state.sections.problems).toBe("我的问题"); // both changed: mine kept, to decide
    expect(state.raw["active.license.decisions"]).toBe("5");

    state = editorReducer(state, { type: "take-theirs", field: "cells.active.license.decisions" });
    expect(state.raw["active.license.decisions"]).toBe("7");
    state = editorReducer(state, { type: "keep-mine-on-latest" });
    expect(state).toMatchObject({ status: "dirty", baseVersion: 4, conflict: null });
    expect(state.base.sections.problems).toBe("乙的问题");
  });

  it("retries by itself only failures the server or network caused", () => {
    const unavailable = editorReducer(start(), { type: "failed", message: "数据库暂时无法连接", retryable: true });
    const invalid = editorReducer(start(), { type: "failed", message: "有输入不符合要求", retryable: false });
    expect(unavailable.retryable).toBe(true);
    expect(invalid.retryable).toBe(false);
  });
});
