// The disclosure catalog at the scale bench:catalog measures (1,000,000
// published items at full size: 20 per unit and year), spread over every
// unit of the province, written by the unit's clerk and published by its
// reviewer. Reports and catalog items share one 索引号 sequence per unit and
// year of publication (lib/publication/index-number.ts), in publication
// order: an item's serial counts the unit's reports published earlier that
// year too, so the numbers come out as publishing them one by one would.
import type pg from "pg";
import { catalogCategories } from "@/lib/catalog/categories";
import { dropIndexes, withoutRowTriggers, type Phase } from "./load-sql";

const TOPICS = [
  "防汛抗旱", "秸秆禁烧", "人居环境整治", "安全生产", "社会救助", "土地征收", "宅基地审批", "农田水利", "乡村振兴", "医疗保障",
  "义务教育", "就业创业", "森林防火", "河长制", "林长制", "高标准农田", "农村危房改造", "最低生活保障", "特困人员供养", "残疾人两项补贴",
  "退役军人服务", "食品安全", "消防安全", "燃气安全", "道路交通安全", "征兵工作", "城乡居民医保", "养老保险", "耕地保护", "矛盾纠纷排查",
];
const KINDS = ["通知", "实施方案", "工作要点", "公示", "公告", "决定", "意见", "管理办法", "工作报告", "情况通报"];
const sqlArray = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(",")}]`;

export async function loadCatalog(client: pg.ClientBase, phase: Phase, years: readonly number[], perUnitYear: number): Promise<void> {
  // When each unit's reports are published: an item's serial counts the reports before it.
  await client.query(`
    create temp table bench_pub as
    select b.organization_id, extract(year from v.published_at at time zone 'Asia/Shanghai')::int as pub_year, v.published_at
      from bench_revision v join bench_report b on b.id = v.report_id where v.published_at is not null;
    create index on bench_pub (organization_id, pub_year, published_at);
    analyze bench_pub;
    create temp table bench_people as
    select r.organization_id, min(a.id::text) filter (where r.role = 'CLERK')::uuid as clerk_id, min(a.id::text) filter (where r.role = 'REVIEWER')::uuid as reviewer_id
      from role_assignment r join account a on a.id = r.account_id group by r.organization_id`);
  const basic = catalogCategories.filter((c) => c.area === "basic").map((c) => c.key);
  const all = catalogCategories.map((c) => c.key);
  const rebuild = await dropIndexes(client, "catalog_item");
  for (const year of years) {
    await phase(`catalog items ${year}`, () =>
      withoutRowTriggers(client, async () => {
        await client.query(`
          insert into catalog_item (id, organization_id, status, title, body, category, subject, document_number, issuer,
                                    written_on, published_at, validity, validity_ended_on, index_number, last_edited_by_id,
                                    submitted_by_id, published_by_id, created_at, updated_at)
          select gen_random_uuid(), o.id, 'PUBLISHED',
                 o.short_name || '关于${year}年' || (${sqlArray(TOPICS)})[1 + (n * 7 + o.rank) % ${TOPICS.length}] || '工作的'
                   || (${sqlArray(KINDS)})[1 + (n * 3 + o.rank) % ${KINDS.length}] || '（第' || n || '号）',
                 '正文', v.category, '综合政务',
                 case when n % 3 = 0 then o.short_name || '〔${year}〕' || n || '号' else '' end,
                 o.name, v.published::date, v.published,
                 case when v.category = 'normative' and n % 5 = 0 then 'REPEALED'::"CatalogValidity" else 'VALID' end,
                 case when v.category = 'normative' and n % 5 = 0 then (v.published + interval '200 days')::date end,
                 o.code || '/${year}-' || lpad((n + (select count(*) from bench_pub p
                                                     where p.organization_id = o.id and p.pub_year = ${year} and p.published_at < v.published))::text, 5, '0'),
                 pp.clerk_id, pp.clerk_id, pp.reviewer_id, v.published - interval '1 day', v.published
            from (select *, row_number() over (order by slug) as rank from organization) o
            join bench_people pp on pp.organization_id = o.id
           cross join generate_series(1, ${perUnitYear}) n
           cross join lateral (select case when o.kind = 'TOWNSHIP' then (${sqlArray(all)})[1 + (n * 11 + o.rank) % ${all.length}]
                                           else (${sqlArray(basic)})[1 + (n * 11 + o.rank) % ${basic.length}] end as category,
                                      make_timestamptz(${year}, 1, 1, 9, 0, 0, 'Asia/Shanghai')
                                        + ((n - 1) * interval '1 day' * 364 / ${perUnitYear}) + (n % 8) * interval '1 hour' as published) v`);
      }),
    );
  }
  await phase("catalog indexes", async () => {
    for (const statement of rebuild) await client.query(statement);
  });
}
