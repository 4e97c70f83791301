// The catalog fields portals print with every published report (see the
// format document, "How portals publish"). Fixed for annual reports.
export const annualReportCatalog = {
  subject: "综合政务\\政务公开", // 主题分类
  category: "政府信息公开年报", // 组配分类
  disclosure: "主动公开", // 公开方式
  validity: "有效", // 有效性
} as const;
