// What real reports of the 2021 format write instead of its labels (import only).
import type { ImportVariants } from "./import-variants";

export const import2021: ImportVariants = {
  // Real 2021+ reports keep the 2019 label under the 2021 columns; with those
  // columns it is the same row (格式2021 renamed it 行政规范性文件).
  rows: { "active.normative": ["规范性文件"] },
  headers: { 结果维持: ["维持"], 结果纠正: ["纠正"] },
};
