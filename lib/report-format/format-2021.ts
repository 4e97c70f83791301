// The 2021 national format: 《中华人民共和国政府信息公开工作年度报告格式》
// (国办公开办函〔2021〕30号). Labels are exactly as the format prints them,
// full-width punctuation included. Keys are the open-data names.
import { figures2021 } from "./format-2021-figures";
import { import2021 } from "./format-2021-import";
import { text2021 } from "./format-2021-text";
import type { ReportFormat, RowNode } from "./types";

const applicantColumns = [
  { key: "natural", label: "自然人" },
  { key: "business", label: "商业企业", group: "法人或其他组织" },
  { key: "research", label: "科研机构", group: "法人或其他组织" },
  { key: "publicInterest", label: "社会公益组织", group: "法人或其他组织" },
  { key: "legal", label: "法律服务机构", group: "法人或其他组织" },
  { key: "otherOrg", label: "其他", group: "法人或其他组织" },
  { key: "total", label: "总计" },
] as const;

const outcomeRows: readonly RowNode[] = [
  { key: "granted", label: "（一）予以公开" },
  { key: "partial", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
  {
    label: "（三）不予公开",
    children: [
      { key: "denyStateSecret", label: "1.属于国家秘密" },
      { key: "denyLawProhibited", label: "2.其他法律行政法规禁止公开" },
      { key: "denySafetyStability", label: "3.危及“三安全一稳定”" },
      { key: "denyThirdParty", label: "4.保护第三方合法权益" },
      { key: "denyInternalAffairs", label: "5.属于三类内部事务信息" },
      { key: "denyProcessInfo", label: "6.属于四类过程性信息" },
      { key: "denyEnforcementFile", label: "7.属于行政执法案卷" },
      { key: "denyQueryMatter", label: "8.属于行政查询事项" },
    ],
  },
  {
    label: "（四）无法提供",
    children: [
      { key: "unableNotHeld", label: "1.本机关不掌握相关政府信息" },
      { key: "unableNeedsCreation", label: "2.没有现成信息需要另行制作" },
      { key: "unableUnclear", label: "3.补正后申请内容仍不明确" },
    ],
  },
  {
    label: "（五）不予处理",
    children: [
      { key: "rejectPetition", label: "1.信访举报投诉类申请" },
      { key: "rejectDuplicate", label: "2.重复申请" },
      { key: "rejectPublication", label: "3.要求提供公开出版物" },
      { key: "rejectExcessive", label: "4.无正当理由大量反复申请" },
      { key: "rejectReconfirm", label: "5.要求行政机关确认或重新出具已获取信息" },
    ],
  },
  {
    label: "（六）其他处理",
    children: [
      {
        key: "otherNoCorrection",
        label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      },
      {
        key: "otherUnpaidFee",
        label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      },
      { key: "otherOther", label: "3.其他" },
    ],
  },
  { key: "outcomeTotal", label: "（七）总计" },
];

export const format2021: ReportFormat = {
  version: "2021",
  source: "国办公开办函〔2021〕30号",
  years: { from: 2021, to: null },
  titlePattern: (organizationName, year) =>
    `${organizationName}${year}年政府信息公开工作年度报告`,
  sections: [
    {
      kind: "narrative",
      numeral: "一",
      key: "overview",
      heading: "总体情况",
      headingVariants: [],
      subheadings: [
        "（一）主动公开",
        "（二）依申请公开",
        "（三）政府信息管理",
        "（四）政府信息公开平台建设",
        "（五）监督保障",
      ],
    },
    {
      kind: "table",
      numeral: "二",
      key: "active",
      heading: "主动公开政府信息情况",
      headingVariants: [],
      table: {
        layout: "blocks",
        key: "active",
        rowHeader: "信息内容",
        blocks: [
          {
            heading: "第二十条第（一）项",
            columns: [
              { key: "issued", label: "本年制发件数", kind: "count" },
              { key: "repealed", label: "本年废止件数", kind: "count" },
              { key: "inForce", label: "现行有效件数", kind: "count" },
            ],
            rows: [
              { key: "regulation", label: "规章" },
              { key: "normative", label: "行政规范性文件" },
            ],
          },
          {
            heading: "第二十条第（五）项",
            columns: [{ key: "decisions", label: "本年处理决定数量", kind: "count" }],
            rows: [{ key: "license", label: "行政许可" }],
          },
          {
            heading: "第二十条第（六）项",
            columns: [{ key: "decisions", label: "本年处理决定数量", kind: "count" }],
            rows: [
              { key: "penalty", label: "行政处罚" },
              { key: "enforcement", label: "行政强制" },
            ],
          },
          {
            heading: "第二十条第（八）项",
            columns: [{ key: "amount", label: "本年收费金额（单位：万元）", kind: "amount" }],
            rows: [{ key: "fee", label: "行政事业性收费" }],
          },
        ],
      },
    },
    {
      kind: "table",
      numeral: "三",
      key: "applications",
      heading: "收到和处理政府信息公开申请情况",
      headingVariants: [],
      table: {
        layout: "matrix",
        key: "applications",
        note: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        columnsHeader: "申请人情况",
        columns: applicantColumns,
        rows: [
          { key: "received", label: "一、本年新收政府信息公开申请数量" },
          { key: "carriedOver", label: "二、上年结转政府信息公开申请数量" },
          { label: "三、本年度办理结果", children: outcomeRows },
          { key: "carriedForward", label: "四、结转下年度继续办理" },
        ],
        totals: {
          column: { key: "total", rule: "R2" },
          row: { key: "outcomeTotal", rule: "R3" },
        },
      },
    },
    {
      kind: "table",
      numeral: "四",
      key: "appeals",
      heading: "政府信息公开行政复议、行政诉讼情况",
      headingVariants: [],
      table: {
        layout: "groups",
        key: "appeals",
        columns: [
          { key: "upheld", label: "结果维持" },
          { key: "corrected", label: "结果纠正" },
          { key: "other", label: "其他结果" },
          { key: "pending", label: "尚未审结" },
          { key: "total", label: "总计" },
        ],
        groups: [
          { key: "review", label: "行政复议" },
          { key: "litigationDirect", label: "未经复议直接起诉", parent: "行政诉讼" },
          { key: "litigationAfterReview", label: "复议后起诉", parent: "行政诉讼" },
        ],
        totals: { column: { key: "total", rule: "R4" } },
      },
    },
    {
      kind: "narrative",
      numeral: "五",
      key: "problems",
      heading: "存在的主要问题及改进情况",
      headingVariants: ["存在的主要问题及改进措施", "存在的主要问题和改进情况", "存在的主要问题和改进措施"],
      subheadings: [],
    },
    {
      kind: "narrative",
      numeral: "六",
      key: "other",
      heading: "其他需要报告的事项",
      headingVariants: [],
      subheadings: [],
    },
  ],
  comparison: [
    {
      title: "行政许可、行政处罚、行政强制",
      cells: ["active.license.decisions", "active.penalty.decisions", "active.enforcement.decisions"],
    },
    {
      title: "行政复议、行政诉讼",
      cells: ["appeals.review.total", "appeals.litigationDirect.total", "appeals.litigationAfterReview.total"],
    },
  ],
  catalog: [
    ...(["regulation", "normative"] as const).flatMap((row) =>
      (["issued", "repealed", "inForce"] as const).map((measure) => ({ cell: `active.${row}.${measure}`, category: row, measure })),
    ),
    // Each published 行政许可 / 行政处罚 / 行政强制 result is one decision.
    ...(["license", "penalty", "enforcement"] as const).map((row) => ({ cell: `active.${row}.decisions`, category: row, measure: "published" as const })),
  ],
  preamble: { key: "preamble", label: "前言" },
  importVariants: import2021,
  narrative: { figures: figures2021, text: text2021 },
  rules: {
    meta: {
      R1: { severity: "error", scope: "cells", name: "申请数勾稽关系", statement: "第一项加第二项之和应等于第三项加第四项之和" },
      R2: { severity: "error", scope: "cells", name: "申请人总计", statement: "总计应等于各类申请人数量之和" },
      R3: { severity: "error", scope: "cells", name: "办理结果总计", statement: "（七）总计应等于（一）至（六）各项之和" },
      R4: { severity: "error", scope: "cells", name: "复议诉讼总计", statement: "总计应等于结果维持、结果纠正、其他结果、尚未审结之和" },
      R10: {
        severity: "error",
        scope: "cells",
        name: "数值格式",
        statement: "件数应为非负整数，收费金额应为非负数且最多保留4位小数",
      },
      "empty-cells": {
        severity: "error",
        scope: "report",
        name: "未填写的单元格",
        statement: "表格每个单元格都应填写，没有数据请填 0",
        fix: "fill-cells-with-zero",
      },
      R6: { severity: "warning", scope: "cells", name: "上年结转", statement: "上年结转数应等于上一年度报告的结转下年度继续办理数" },
      R7: {
        severity: "warning",
        scope: "cells",
        name: "现行有效件数",
        statement: "现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数",
      },
      R8: { severity: "warning", scope: "narrative", name: "正文数字与表格不一致", statement: "正文中的数字应与表格一致" },
      R11: {
        severity: "warning",
        scope: "cells",
        name: "规章",
        statement: "规章只能由国务院部门和省级、设区的市级人民政府制定，本机关的规章行应为0",
      },
      R12: { severity: "warning", scope: "cells", name: "废止件数", statement: "本年废止件数不应超过上年现行有效件数与本年制发件数之和" },
      catalog: { severity: "warning", scope: "cells", name: "与信息公开目录不一致", statement: "表二的数字应与本单位信息公开目录的统计一致" },
      title: { severity: "warning", scope: "field", name: "标题", statement: "标题应为“机关全称＋年份＋年政府信息公开工作年度报告”" },
      "signature-date": {
        severity: "warning",
        scope: "field",
        name: "落款日期",
        statement: "落款日期应在报告年度的次年、报送期限之前",
      },
      "signature-missing": { severity: "error", scope: "field", name: "落款日期", statement: "落款日期未填写" },
      "format-version": { severity: "warning", scope: "report", name: "报告格式版本", statement: "应使用该年度适用的年度报告格式" },
      "stale-year": { severity: "warning", scope: "narrative", name: "年份可能沿用上年", statement: "正文应写本报告年度的情况，这里写的是往年" },
      "unchanged-paragraph": { severity: "warning", scope: "narrative", name: "与上年报告相同的段落", statement: "本段与本单位上一年度报告一字不差，请按本年度情况更新" },
      "similar-previous": { severity: "warning", scope: "narrative", name: "与上年报告雷同", statement: "本部分与本单位上一年度报告高度相似（雷同）" },
      "similar-peer": { severity: "warning", scope: "narrative", name: "与其他单位报告雷同", statement: "本部分与本级政府所属另一单位的报告高度相似（雷同）" },
      "section-empty": { severity: "error", scope: "narrative", name: "内容缺失", statement: "六个部分都应有内容，没有需要报告的事项请写“无”" },
      "problems-measures": { severity: "warning", scope: "narrative", name: "问题与改进", statement: "“存在的主要问题及改进情况”应写明存在的问题和改进措施" },
      "problems-followup": { severity: "warning", scope: "narrative", name: "上年问题整改", statement: "上一年度报告列出了问题，本年度应说明整改情况" },
      "statistical-period": { severity: "warning", scope: "narrative", name: "统计期限", statement: "统计期限应为报告年度的1月1日至12月31日" },
      "superseded-citation": { severity: "warning", scope: "narrative", name: "引用已废止的文件", statement: "引用的文件已被取代" },
      percentage: { severity: "warning", scope: "narrative", name: "百分比", statement: "正文中的百分比应与同一句中的数字相符" },
    },
    balance: {
      rule: "R1",
      table: "applications",
      left: ["received", "carriedOver"],
      right: ["outcomeTotal", "carriedForward"],
    },
    carryOver: { rule: "R6", table: "applications", row: "carriedOver", fromRow: "carriedForward" },
    stock: {
      table: "active",
      rows: ["regulation", "normative"],
      issued: "issued",
      repealed: "repealed",
      inForce: "inForce",
    },
    zeroForKinds: {
      rule: "R11",
      table: "active",
      row: "regulation",
      kinds: ["TOWNSHIP", "DEPARTMENT", "COUNTY_GOVERNMENT"],
    },
  },
};
