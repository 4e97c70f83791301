// The register template an office fills in: the 单位 and 账号 sheets with the
// headings the reader looks for, code columns formatted as text (Excel would
// round an 18-digit number), lists for 类别 and 角色, and a sheet of notes.
import ExcelJS from "exceljs";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import { ACCOUNT_COLUMNS, NOTES_SHEET, REGISTER_ROLE_LABELS, SHEET_NAMES, UNIT_COLUMNS } from "./columns";
import { MAX_REGISTER_ROWS } from "./read-sheets";

/** Rows given the 类别 and 角色 lists: far more than a county has units. */
const LIST_ROWS = 1000;

const NOTES = [
  NOTES_SHEET,
  "1. “单位”表每行一个单位，“账号”表每行一个人；表头须保留，表头上方可以有标题行。也可分别另存为两个 CSV 文件一起上传（UTF-8 或 GBK 编码均可）。",
  "2. 单位以统一社会信用代码识别（名称可能重名）：没有代码的单位无法导入。代码列请保持“文本”格式，否则 Excel 会把18位数字改掉。",
  `3. 类别填写：${Object.values(organizationKindLabels).join("、")}（也可写“乡镇”“街道”“部门”）。`,
  "4. 上级单位统一社会信用代码：乡镇（街道）填所属县级人民政府的代码，部门填同级人民政府的代码；上级可以写在本表的后面几行，也可以是系统中已有的单位。已有单位留空表示不改变上级。",
  "5. 行政区划代码只填人民政府的（6位，如来安县为 341122）；乡镇和部门留空。",
  `6. 角色填写：${Object.values(REGISTER_ROLE_LABELS).join("、")}；一人有几个角色时写在同一格，用“、”分隔。`,
  "7. 导入前会逐行预览：新增、变更（列出改动）、无变化或拒绝（写明原因）。有被拒绝的行时不能导入，请改好文件后重新上传。",
  "8. 新账号不设密码：导入后为每人生成一次性邀请链接（7天内有效），由本人打开链接设置密码；填了电子邮箱的，链接同时发到邮箱。",
  "9. 同一个文件再次导入不会重复创建：已有的单位和账号显示为“无变化”。导入只增加角色，不会取消已有角色。",
  `10. 一次最多导入${MAX_REGISTER_ROWS}行。`,
];

function addTable(workbook: ExcelJS.Workbook, name: string, headings: string[], textColumns: number[], list: { column: number; values: string[] }) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const header = sheet.addRow(headings);
  header.font = { bold: true };
  headings.forEach((heading, c) => {
    const column = sheet.getColumn(c + 1);
    column.width = Math.max(14, heading.length * 2.4);
    if (textColumns.includes(c + 1)) column.numFmt = "@";
  });
  const formula = `"${list.values.join(",")}"`;
  for (let row = 2; row <= LIST_ROWS + 1; row += 1) {
    sheet.getCell(row, list.column).dataValidation = { type: "list", allowBlank: true, formulae: [formula] };
  }
}

export async function registerTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "政府信息公开工作年度报告系统";
  const unitHeadings = UNIT_COLUMNS.map((c) => c.heading);
  const accountHeadings = ACCOUNT_COLUMNS.map((c) => c.heading);
  const codeColumns = (headings: string[]) => headings.flatMap((h, i) => (/代码/.test(h) ? [i + 1] : []));
  addTable(workbook, SHEET_NAMES.units, unitHeadings, codeColumns(unitHeadings), {
    column: unitHeadings.indexOf("类别") + 1,
    values: Object.values(organizationKindLabels),
  });
  addTable(workbook, SHEET_NAMES.accounts, accountHeadings, codeColumns(accountHeadings), {
    column: accountHeadings.indexOf("角色") + 1,
    values: Object.values(REGISTER_ROLE_LABELS),
  });
  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.getColumn(1).width = 120;
  for (const line of NOTES) notes.addRow([line]).alignment = { wrapText: true };
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
