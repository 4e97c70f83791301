// The demo's disclosure catalog for 雷官镇: the items behind its published 2023
// report. The report says 主动公开 528 = 346 (基础信息, published against the
// directory) + 182 (the "两化" area), and table 二 gives 行政许可 58, 行政处罚 35,
// 行政强制 10 and 0/0/0 for 行政规范性文件; its narrative adds 5 "监督保障" items
// and "2023年未发布新的规范性文件". The items below reproduce every one of those
// figures. The normative documents are older ones, repealed or expired in the
// 2022 clean-up the narrative mentions, so 2023's 现行有效 is 0 as reported
// while 2022's figures are not trivial. Two 工作动态 items straddle the new
// year in China time (31 Dec 23:30 counts in 2023; 1 Jan 00:20 in 2024).
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import { parseChinaDateTime, dateOnly, yearInChina } from "@/lib/catalog/china-time";
import { allocateIndexNumber } from "@/lib/publication/index-number";

interface DemoItem {
  category: string;
  title: string;
  publishedAt: string;
  documentNumber?: string;
  writtenOn?: string;
  ended?: { validity: "REPEALED" | "EXPIRED"; on: string };
}

/** How many 2023 items of each category: 346 basic + 182 "两化" = 528. */
const leiguan2023: [category: string, count: number, title: (n: number) => string][] = [
  ["license", 58, (n) => `雷官镇行政许可决定公示（2023年第${n}号）`],
  ["penalty", 35, (n) => `雷官镇行政处罚决定书公示（2023年第${n}号）`],
  ["enforcement", 10, (n) => `雷官镇行政强制措施决定公示（2023年第${n}号）`],
  ["oversight", 5, (n) => `雷官镇2023年政务公开社会评议情况（第${n}期）`],
  ["policy", 24, (n) => `关于印发雷官镇2023年第${n}项重点工作实施方案的通知`],
  ["organization", 6, (n) => `雷官镇机构职能信息更新（第${n}次）`],
  ["planning", 8, (n) => `雷官镇2023年专项工作计划（${n}）`],
  ["budget", 12, (n) => `雷官镇2023年财政预决算信息公开（${n}）`],
  ["procurement", 6, (n) => `雷官镇政府采购项目公示（2023年第${n}号）`],
  ["projects", 8, (n) => `雷官镇重点建设项目进展情况（2023年第${n}期）`],
  ["livelihood", 30, (n) => `雷官镇民生保障政策落实情况（2023年第${n}期）`],
  ["emergency", 10, (n) => `雷官镇应急管理工作信息（2023年第${n}期）`],
  ["inspection", 12, (n) => `雷官镇安全生产监督检查情况通报（2023年第${n}期）`],
  ["personnel", 6, (n) => `雷官镇人事信息公示（2023年第${n}号）`],
  ["notice", 46, (n) => `雷官镇通知公告（2023年第${n}号）`],
  ["news", 70, (n) => `雷官镇工作动态（2023年第${n}期）`],
  ["agriculture", 30, (n) => `雷官镇涉农补贴资金发放公示（2023年第${n}批）`],
  ["irrigation", 16, (n) => `雷官镇农田水利工程建设运营情况（2023年第${n}期）`],
  ["land-contract", 20, (n) => `雷官镇农村土地承包经营权流转公示（2023年第${n}号）`],
  ["homestead", 24, (n) => `雷官镇宅基地使用审核结果公示（2023年第${n}批）`],
  ["land-expropriation", 10, (n) => `雷官镇土地征收信息公示（2023年第${n}号）`],
  ["housing-expropriation", 6, (n) => `雷官镇房屋征收补偿信息（2023年第${n}号）`],
  ["fundraising", 6, (n) => `雷官镇一事一议筹资筹劳公示（2023年第${n}号）`],
  ["social-assistance", 70, (n) => `雷官镇社会救助对象公示（2023年第${n}批）`],
];

function leiguanItems(): DemoItem[] {
  const items: DemoItem[] = [];
  let sequence = 0;
  for (const [category, count, title] of leiguan2023) {
    for (let n = 1; n <= count; n++) {
      // Spread over the year, on working hours, deterministically.
      const day = 2 + ((sequence * 37) % 360);
      const date = new Date(Date.UTC(2023, 0, day));
      const hour = 9 + (sequence % 8);
      items.push({ category, title: title(n), publishedAt: `${date.toISOString().slice(0, 10)} ${String(hour).padStart(2, "0")}:00` });
      sequence++;
    }
  }
  // One of the 70 工作动态 is published at 23:30 on New Year's Eve: still 2023.
  items.push({ category: "news", title: "雷官镇开展岁末安全生产大检查", publishedAt: "2023-12-31 23:30" });
  items.splice(items.findIndex((i) => i.category === "news"), 1);
  items.push(
    { category: "news", title: "雷官镇召开新年第一次工作部署会", publishedAt: "2024-01-01 00:20" },
    {
      category: "normative",
      title: "雷官镇村级公益事业建设一事一议筹资筹劳管理办法",
      documentNumber: "雷政〔2021〕5号",
      writtenOn: "2021-04-08",
      publishedAt: "2021-04-12 10:00",
      ended: { validity: "REPEALED", on: "2022-11-30" },
    },
    {
      category: "normative",
      title: "雷官镇农村人居环境整治长效管护办法",
      documentNumber: "雷政〔2022〕2号",
      writtenOn: "2022-03-01",
      publishedAt: "2022-03-08 09:30",
      ended: { validity: "REPEALED", on: "2022-12-20" },
    },
    {
      category: "normative",
      title: "雷官镇2022年秸秆禁烧工作奖惩办法",
      documentNumber: "雷政〔2022〕9号",
      writtenOn: "2022-08-10",
      publishedAt: "2022-08-15 15:00",
      ended: { validity: "EXPIRED", on: "2022-12-31" },
    },
  );
  return items;
}

/** A stable id per demo item, so a second run finds the first run's items. */
function demoId(slug: string, title: string): string {
  const hex = createHash("sha256").update(`nianbao-demo-catalog:${slug}:${title}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Publishes the demo items not yet there; returns how many it added. */
export async function seedDemoCatalog(prisma: PrismaClient, actor: string): Promise<number> {
  const organization = await prisma.organization.findUniqueOrThrow({ where: { slug: "laian-leiguan" } });
  const items = leiguanItems().map((item) => ({ ...item, id: demoId(organization.slug, item.title) }));
  const existing = new Set(
    (await prisma.catalogItem.findMany({ where: { id: { in: items.map((i) => i.id) } }, select: { id: true } })).map((i) => i.id),
  );
  const missing = items.filter((item) => !existing.has(item.id));
  if (missing.length === 0) return 0;
  await prisma.$transaction(
    async (tx) => {
      const rows = [];
      for (const item of missing) {
        const publishedAt = parseChinaDateTime(item.publishedAt)!;
        rows.push({
          id: item.id,
          organizationId: organization.id,
          status: "PUBLISHED" as const,
          title: item.title,
          body: `${item.title}。\n\n详见附件或联系雷官镇党政办公室。`,
          category: item.category,
          subject: "综合政务\\政务公开",
          documentNumber: item.documentNumber ?? "",
          issuer: organization.name,
          writtenOn: item.writtenOn ? dateOnly(item.writtenOn) : null,
          publishedAt,
          validity: item.ended?.validity ?? ("VALID" as const),
          validityEndedOn: item.ended ? dateOnly(item.ended.on) : null,
          indexNumber: await allocateIndexNumber(tx, organization, yearInChina(publishedAt)),
        });
      }
      await tx.catalogItem.createMany({ data: rows });
      await recordAuditEvent(tx, {
        actor,
        event: "catalog.seed",
        objectType: "organization",
        objectId: organization.id,
        result: "success",
        detail: { published: rows.length },
      });
    },
    { timeout: 120_000 },
  );
  return missing.length;
}
