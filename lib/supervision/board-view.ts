// Filters and orders of the status board, shared by the page and its Excel export.
import type { BoardRow, BoardStatus } from "./board";

export const boardFilters: Record<string, { label: string; keep: (row: BoardRow) => boolean }> = {
  all: { label: "全部单位", keep: () => true },
  attention: { label: "逾期或已退回", keep: (row) => row.late || row.status === "RETURNED" },
  late: { label: "逾期", keep: (row) => row.late },
  unpublished: { label: "尚未发布", keep: (row) => row.status !== "PUBLISHED" && row.status !== "CORRECTING" },
  warnings: { label: "有错误或提示", keep: (row) => row.errors > 0 || row.warnings.length > 0 },
};

export const boardSorts = {
  deadline: "按期限（最紧迫在前）",
  status: "按状态",
  name: "按单位名称",
  activity: "按最后活动（最近在前）",
  warnings: "按问题数（最多在前）",
} as const;

export type BoardSort = keyof typeof boardSorts;

const statusOrder: BoardStatus[] = ["RETURNED", "NOT_STARTED", "DRAFT", "SUBMITTED", "APPROVED", "CORRECTING", "PUBLISHED"];

export function filterBoardRows(rows: readonly BoardRow[], filter: string): BoardRow[] {
  return rows.filter(boardFilters[filter]?.keep ?? (() => true));
}

export function sortBoardRows(rows: readonly BoardRow[], sort: BoardSort): BoardRow[] {
  const byName = (a: BoardRow, b: BoardRow) => a.organization.name.localeCompare(b.organization.name, "zh-CN");
  const compare: Record<BoardSort, (a: BoardRow, b: BoardRow) => number> = {
    // Unpublished first, the most overdue at the top; published units last.
    deadline: (a, b) => Number(!!a.publishedOn) - Number(!!b.publishedOn) || a.daysLeft - b.daysLeft || byName(a, b),
    status: (a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) || byName(a, b),
    name: byName,
    activity: (a, b) => (b.lastActivity?.getTime() ?? 0) - (a.lastActivity?.getTime() ?? 0) || byName(a, b),
    warnings: (a, b) => b.errors + b.warnings.length - (a.errors + a.warnings.length) || byName(a, b),
  };
  return [...rows].sort(compare[sort]);
}
