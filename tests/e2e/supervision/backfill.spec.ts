import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "../sign-in";

const supervisor = { username: "laian-supervisor", password: "Super-demo-2026" };
const utf8 = readFileSync("prisma/demo/leiguan-2023.txt", "utf8");

// 半塔镇's 2022 report, which no other spec touches; the second file names a unit of another county.
test("the 主管部门 back-fills several files at once: matched from their titles, one corrected, each with its result", async ({ page }) => {
  await signIn(page.request, supervisor.username, supervisor.password);
  await page.goto("/workspace/supervision/laian/backfill");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("来安县人民政府 补录往年报告");
  const banta2022 = utf8.replaceAll("来安县雷官镇人民政府2023年", "来安县半塔镇人民政府2022年");
  await page.getByLabel(/报告文件/).setInputFiles([
    { name: "半塔镇2022年报.txt", mimeType: "text/plain", buffer: Buffer.from(banta2022) },
    { name: "外县年报.txt", mimeType: "text/plain", buffer: Buffer.from(utf8.replaceAll("来安县雷官镇", "全椒县武岗镇")) },
    { name: "扫描件.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%%EOF\n") },
  ]);
  await page.getByRole("button", { name: "识别单位和年度" }).click();
  const table = page.getByRole("table", { name: "待补录的文件" });
  const status = page.locator('p[role="status"]');
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  // Each file is read in a bounded worker, one after another: on a busy machine that takes seconds each.
  await expect(row("半塔镇2022年报.txt").getByLabel(/的单位/)).toHaveValue(/.+/, { timeout: 30_000 });
  await expect(row("半塔镇2022年报.txt").getByLabel(/的年度/)).toHaveValue("2022");
  await expect(row("外县年报.txt")).toContainText("不是本级政府或其直属单位");
  await expect(row("扫描件.pdf")).toContainText("暂不能读取PDF 文件");
  await expect(page.getByRole("button", { name: "补录", exact: true })).toBeDisabled();

  // Assigned by hand to a year 半塔镇 already has once the first file is in: refused, with the reason, on its own line.
  await row("外县年报.txt").getByLabel(/的单位/).selectOption({ label: "来安县半塔镇人民政府" });
  await row("外县年报.txt").getByLabel(/的年度/).selectOption("2022");
  await page.getByRole("button", { name: "补录", exact: true }).click();
  await expect(row("半塔镇2022年报.txt")).toContainText(/已补录为半塔镇2022年度报告（索引号 /, { timeout: 30_000 });
  await expect(row("外县年报.txt")).toContainText("未补录：半塔镇2022年度报告已存在");
  await expect(status).toHaveText("补录 1 个，未补录 2 个（不能读取的文件 1 个）");

  const published = await page.request.get("/reports/laian-banta/2022");
  expect(published.status()).toBe(200);
  expect(await published.text()).toContain("来安县半塔镇人民政府2022年政府信息公开工作年度报告");
  await page.screenshot({ path: test.info().outputPath("backfill.png"), fullPage: true });
});
