// The status board as an Excel workbook, for the 主管部门's own reporting
// upward: a sheet of the governments below (counts over each subtree), when
// there are any, and a sheet of the government's own units.
import ExcelJS from "exceljs";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import { boardStatusLabel, type StatusBoard } from "./board";
import { sortBoardRows } from "./board-view";

export async function boardToXlsx(board: StatusBoard): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (board.regions.length > 0) {
    const regions = workbook.addWorksheet("下级政府");
    regions.columns = [
      { header: "地区", key: "name", width: 30 },
      { header: "单位数", key: "units", width: 8 },
      { header: "按时发布", key: "onTime", width: 10 },
      { header: "逾期发布", key: "late", width: 10 },
      { header: "逾期未发布", key: "overdue", width: 10 },
      { header: "未开始", key: "notStarted", width: 8 },
    ];
    regions.getRow(1).font = { bold: true };
    for (const r of board.regions) {
      regions.addRow({ name: r.organization.name, units: r.units, onTime: r.publishedOnTime, late: r.publishedLate, overdue: r.overdue, notStarted: r.notStarted });
    }
  }
  const sheet = workbook.addWorksheet(board.regions.length > 0 ? "本级政府及直属单位" : `${board.year}年度报告进度`);
  sheet.columns = [
    { header: "单位", key: "name", width: 30 },
    { header: "类别", key: "kind", width: 22 },
    { header: "状态", key: "status", width: 14 },
    { header: "截止日期", key: "deadline", width: 12 },
    { header: "距截止天数", key: "daysLeft", width: 10 },
    { header: "发布日期", key: "publishedOn", width: 12 },
    { header: "是否逾期", key: "late", width: 8 },
    { header: "最后活动", key: "lastActivity", width: 20 },
    { header: "阻断性错误", key: "errors", width: 10 },
    { header: "提示", key: "warnings", width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of sortBoardRows(board.rows, "deadline")) {
    sheet.addRow({
      name: row.organization.name,
      kind: organizationKindLabels[row.organization.kind],
      status: boardStatusLabel[row.status],
      deadline: row.deadline,
      daysLeft: row.daysLeft,
      publishedOn: row.publishedOn ?? "",
      late: row.late ? "是" : "否",
      lastActivity: row.lastActivity ? row.lastActivity.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "",
      errors: row.errors,
      warnings: row.warnings.join("\n"),
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
