import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blocksToReportText, type Block } from "@/lib/import/document-blocks";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { readHtmlReport } from "@/lib/import/read-html";
import { formatCells, format2021 } from "@/lib/report-format";
import { leiguanOther, leiguanOverview, leiguanProblems, leiguanSignature, leiguanTitle } from "../fixtures/leiguan-2023.expected";

const sample = parseTextReport(readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8"), format2021);
const page = readFileSync(path.resolve(__dirname, "../fixtures/import/portal-page.html"), "utf8");
const allCells = formatCells(format2021);
const cellsOf = (values: Record<string, unknown>) => allCells.map((cell) => [cell.key, values[cell.key]]);

const readPage = (html: string) => {
  const { blocks, metadata } = readHtmlReport(html);
  const text = blocksToReportText(blocks).text;
  return { blocks, metadata, text, parsed: parseTextReport(text, format2021) };
};

describe("a portal page (portal-page.html: the 雷官镇 sample as a county portal shows it)", () => {
  const { parsed, metadata, text } = readPage(page);

  it("reads the sample's 200 cells", () => {
    expect(cellsOf(parsed.values)).toEqual(cellsOf(sample.values));
    expect(parsed.issues).toEqual([]);
  });

  it("reads the title, the sections and the signature as the text sample gives them", () => {
    expect(parsed.title).toBe(leiguanTitle);
    expect(parsed.sections.overview).toBe(leiguanOverview);
    expect(parsed.sections.problems).toBe(leiguanProblems);
    expect(parsed.sections.other).toBe(leiguanOther);
    expect(parsed.signatureLine).toBe(leiguanSignature.line);
    expect(parsed.signedOn).toBe(leiguanSignature.date);
  });

  it("reads the portal's metadata table into its own record", () => {
    expect(metadata).toEqual({
      indexNumber: "11341122003250123X/2024-00015",
      publisher: "来安县雷官镇人民政府",
      writtenOn: "2024-01-24",
      publishedOn: "2024-01-25",
      raw: {
        索引号: "11341122003250123X/2024-00015",
        发布机构: "来安县雷官镇人民政府",
        主题分类: "综合政务\\政务公开",
        组配分类: "政府信息公开年报",
        成文日期: "2024-01-24",
        发布日期: "2024-01-25",
        文号: "",
        有效性: "有效",
        名称: leiguanTitle,
      },
    });
  });

  it("leaves out the page's chrome, scripts and the metadata table", () => {
    for (const chrome of ["首页", "政务公开 >", "当前位置", "版权所有", "ICP", "网站标识码", "分享到", "打印", "上一篇", "舜山镇", "字号", "_hmt", "document.write", "索引号", "无障碍", "搜索"]) {
      expect(text, chrome).not.toContain(chrome);
    }
    expect(text.split("\n").filter((line) => line === "一、总体情况")).toHaveLength(1);
  });
});

const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
const tables = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === "table" ? [b] : []));
const report = (body: string) => `<!DOCTYPE html><html><body><div class="content"><h1>某镇人民政府2023年政府信息公开工作年度报告</h1>${body}<p>一、总体情况</p></div></body></html>`;

describe("Word-pasted markup", () => {
  it("joins spans, <font> and <o:p> into one paragraph; &nbsp; is a space, a full-width space stays", () => {
    const { blocks } = readHtmlReport(
      report(
        `<p class=MsoNormal><span style="font-family:仿宋_GB2312">全年共发布信息</span><span lang=EN-US>346</span><font face="仿宋">条。</font><o:p></o:p></p>` +
          `<p class=MsoNormal>&nbsp;&nbsp;&nbsp;&nbsp;<span>雷官镇　人民政府</span></p>` +
          `<p class=MsoNormal><span>政务公开工\r\n作年度报告</span><span>第</span>\r\n<span lang=EN-US>5</span><span>条 </span><span lang=EN-US>word\nwrap</span></p>`,
      ),
    );
    expect(paragraphs(blocks)).toEqual([
      "某镇人民政府2023年政府信息公开工作年度报告",
      "全年共发布信息346条。",
      "雷官镇　人民政府",
      "政务公开工作年度报告第5条 word wrap",
      "一、总体情况",
    ]);
  });

  it("ends a line at <br> and at each block element", () => {
    const { blocks } = readHtmlReport(report(`<div>第一行<br>第二行<div>第三行</div>第四行</div>`));
    expect(paragraphs(blocks).slice(1, 5)).toEqual(["第一行", "第二行", "第三行", "第四行"]);
  });

  it("resolves rowspan and colspan into the grid; a merged cell's text stands once", () => {
    const { blocks } = readHtmlReport(
      report(
        `<table><tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>1</td></tr>` +
          `<tr><td colspan=2><p>（二）部分</p><p>公开</p></td><td>2</td></tr><tr><td>短行</td></tr></table>`,
      ),
    );
    expect(tables(blocks)).toEqual([
      {
        kind: "table",
        rows: [["三、本年度办理结果", "（一）予以公开", "", "1"], ["", "（二）部分公开", "", "2"], ["短行"]],
        spans: [
          { row: 0, column: 0, rowSpan: 2, colSpan: 1 },
          { row: 0, column: 1, rowSpan: 1, colSpan: 2 },
          { row: 1, column: 1, rowSpan: 1, colSpan: 2 },
        ],
      },
    ]);
  });

  it("reads a small table inside a cell as the cell's text, and a page laid out in tables as paragraphs", () => {
    const { blocks } = readHtmlReport(
      `<html><body><table><tr><td><table><tr><td>首页</td></tr></table></td></tr><tr><td>` +
        `<p>某镇人民政府2023年政府信息公开工作年度报告</p><p>一、总体情况</p>` +
        `<table><tr><td>信息内容</td><td><table><tr><td>本年</td><td>处理</td></tr></table></td></tr><tr><td>行政许可</td><td>58</td></tr></table>` +
        `</td></tr></table></body></html>`,
    );
    expect(paragraphs(blocks)).toEqual(["某镇人民政府2023年政府信息公开工作年度报告", "一、总体情况"]);
    expect(tables(blocks)).toEqual([{ kind: "table", rows: [["信息内容", "本年 处理"], ["行政许可", "58"]] }]);
  });

  it("skips what is not shown: scripts, styles, hidden elements", () => {
    const { blocks } = readHtmlReport(
      report(`<script>var a = "二、主动公开政府信息情况";</script><style>p{}</style><p style="display:none">隐藏</p><p>可见</p>`),
    );
    expect(paragraphs(blocks)).toEqual(["某镇人民政府2023年政府信息公开工作年度报告", "可见", "一、总体情况"]);
  });
});

describe("portal metadata in other shapes", () => {
  const withMetadata = (markup: string) => readHtmlReport(`<html><body>${markup}${report("")}</body></html>`);

  it("reads a <dl> of labels without colons", () => {
    const { metadata, blocks } = withMetadata(
      `<dl class="meta"><dt>索引号</dt><dd>11341702486344515H/2021-00013</dd><dt>发文机关</dt><dd>某镇人民政府</dd><dt>公开日期</dt><dd>2024年01月25日</dd></dl>`,
    );
    expect(metadata).toMatchObject({ indexNumber: "11341702486344515H/2021-00013", publisher: "某镇人民政府", publishedOn: "2024-01-25" });
    expect(paragraphs(blocks)).not.toContain("索引号");
  });

  it("reads label and value in one cell, labels spaced out, times after dates, 文号 given", () => {
    const { metadata } = withMetadata(
      `<table><tr><td><b>索 引 号：</b>ABC/2024-001</td><td><b>发布机构：</b>某局</td></tr>` +
        `<tr><td><b>成文日期：</b>2024/1/20</td><td><b>发布时间：</b>2024-01-25 09:30:00</td></tr>` +
        `<tr><td><b>文　　号：</b>某政〔2024〕1号</td><td><b>信息来源：</b>某镇</td></tr></table>`,
    );
    expect(metadata).toEqual({
      indexNumber: "ABC/2024-001",
      publisher: "某局",
      writtenOn: "2024-01-20",
      publishedOn: "2024-01-25",
      documentNumber: "某政〔2024〕1号",
      raw: {
        索引号: "ABC/2024-001",
        发布机构: "某局",
        成文日期: "2024/1/20",
        发布时间: "2024-01-25 09:30:00",
        文号: "某政〔2024〕1号",
        信息来源: "某镇",
      },
    });
  });

  it("reads a row of spans", () => {
    const { metadata } = withMetadata(`<div class="info"><span>索引号：X-1</span> <span>发布日期：2024-02-01</span></div>`);
    expect(metadata).toMatchObject({ indexNumber: "X-1", publishedOn: "2024-02-01" });
  });

  it("gives an empty record when the page has none", () => {
    expect(readHtmlReport(report("")).metadata).toEqual({ raw: {} });
  });
});

describe("a large page", () => {
  it("parses a ~200 KB page (chrome, menus, long styled paragraphs) to the same cells", () => {
    const menu = `<nav class="mega-menu"><ul>${Array.from({ length: 1500 }, (_, i) => `<li class="menu-item"><a href="/col/${i}/index.html" target="_blank">栏目${i}</a></li>`).join("")}</ul></nav>`;
    const styled = Array.from(
      { length: 300 },
      (_, i) =>
        `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>补充说明第</span><span lang=EN-US style='font-size:16.0pt'>${i + 1}</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>条：本镇持续做好政务公开工作。</span></p>`,
    ).join("\n");
    const afterHeading = page.indexOf("</p>", page.indexOf("六、其他需要报告的事项")) + "</p>".length;
    const big = `${page.slice(0, afterHeading)}\n${styled}${page.slice(afterHeading)}`.replace("<div class=\"wrap\">", `${menu}<div class="wrap">`);
    expect(Buffer.byteLength(big)).toBeGreaterThan(200 * 1024);
    const { parsed } = readPage(big);
    expect(cellsOf(parsed.values)).toEqual(cellsOf(sample.values));
    expect((parsed.sections.other ?? "").split("\n")).toHaveLength(leiguanOther.split("\n").length + 300);
  });
});
