// What real reports of the 2021 format write instead of its labels (import only).
import type { ImportVariants } from "./import-variants";

export const import2021: ImportVariants = {
  // Real 2021+ reports keep the 2019 label under the 2021 columns; with those
  // columns it is the same row (格式2021 renamed it 行政规范性文件).
  rows: { "active.normative": ["规范性文件"] },
  headers: { 结果维持: ["维持"], 结果纠正: ["纠正"] },
  superseded: [
    {
      table: "active",
      source: "国办公开办函〔2019〕60号",
      year: 2019,
      headers: [
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "本年增减",
        "处理决定数量",
        "采购项目数量",
        "采购总金额",
      ],
      blockHeadings: ["第二十条第（九）项"],
      rows: ["规范性文件", "其他对外管理服务事项", "政府集中采购"],
    },
  ],
};

