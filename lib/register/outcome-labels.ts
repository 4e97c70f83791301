import type { Outcome } from "./types";

export const OUTCOME_LABELS: Record<Outcome, string> = { new: "新增", changed: "变更", unchanged: "无变化", refused: "拒绝" };
