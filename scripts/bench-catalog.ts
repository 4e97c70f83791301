// npm run bench:catalog: a county-scale disclosure catalog (200 units × 5
// years × 1,000 items = 1,000,000 published items) loaded with INSERT …
// SELECT generate_series into a throwaway database, then the catalog's own
// query functions timed over many runs with varying units, categories, years
// and search terms. Prints p50/p95 per query; drops the database at the end.
// A benchmark, not a test. BENCH_ITEMS_PER_UNIT_YEAR shrinks it for a quick look.
import pg from "pg";
import { catalogCategories } from "@/lib/catalog/categories";
import { listPublishedItems } from "@/lib/catalog/public-queries";
import { countCatalogForReport } from "@/lib/catalog/report-counts";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { assertLocalDatabase } from "../tests/assert-local-database";

const UNITS = 200;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const PER_UNIT_YEAR = Number(process.env.BENCH_ITEMS_PER_UNIT_YEAR ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

// Two-character place names: 20 × 10 = 200 distinct townships.
const FIRST = [..."雷新半水舜张施大汊杨三独邵练龙涧武白塔兴"];
const SECOND = [..."官安塔口山城集桥河湾"];
const TOPICS = [
  "防汛抗旱", "秸秆禁烧", "人居环境整治", "安全生产", "社会救助", "土地征收", "宅基地审批", "农田水利", "乡村振兴", "医疗保障",
  "义务教育", "就业创业", "森林防火", "河长制", "林长制", "高标准农田", "农村危房改造", "最低生活保障", "特困人员供养", "残疾人两项补贴",
  "退役军人服务", "食品安全", "消防安全", "燃气安全", "道路交通安全", "征兵工作", "城乡居民医保", "养老保险", "耕地保护", "矛盾纠纷排查",
  "生态环境保护", "垃圾分类", "农村改厕", "美丽乡村建设", "村级集体经济", "土地承包经营权流转", "财政预算执行", "政府采购", "一事一议", "移风易俗",
];
const KINDS = ["通知", "实施方案", "工作要点", "公示", "公告", "决定", "意见", "管理办法", "工作报告", "情况通报"];
const sqlArray = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(",")}]`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(label: string, runs: number, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run(i); // warm the connection pool and caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const row = { label, runs, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1)! };
  console.log(`${label.padEnd(58)} p50 ${row.p50.toFixed(1).padStart(6)} ms   p95 ${row.p95.toFixed(1).padStart(6)} ms   max ${row.max.toFixed(1).padStart(6)} ms`);
  return row;
}

const server = await resolveDatabase();
assertLocalDatabase(server.url);
const url = withDatabaseName(server.url, `nianbao_bench_catalog_${process.pid}`);
try {
  await ensureDatabase(url);
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  // Dropping the database on failure ends this connection too: not a second error.
  client.on("error", () => undefined);
  await client.connect();
  const total = UNITS * YEARS.length * PER_UNIT_YEAR;
  console.log(`Loading ${total.toLocaleString("en")} catalog items for ${UNITS} units…`);
  let started = performance.now();
  await client.query(`
    insert into organization (id, slug, name, short_name, kind, updated_at)
    values ('00000000-0000-4000-8000-000000000000', 'bench', '基准县人民政府', '基准县', 'COUNTY_GOVERNMENT', now())`);
  await client.query(`
    insert into organization (id, slug, name, short_name, kind, parent_id, updated_at)
    select ('00000000-0000-4000-8000-' || lpad(u::text, 12, '0'))::uuid, 'bench-' || u,
           '基准县' || (${sqlArray(FIRST)})[1 + (u - 1) % 20] || (${sqlArray(SECOND)})[1 + (u - 1) / 20] || '镇人民政府',
           (${sqlArray(FIRST)})[1 + (u - 1) % 20] || (${sqlArray(SECOND)})[1 + (u - 1) / 20] || '镇',
           'TOWNSHIP', '00000000-0000-4000-8000-000000000000', now()
      from generate_series(1, ${UNITS}) u`);
  // Bulk loading: build the secondary indexes once at the end, as a restore does.
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where tablename = 'catalog_item' and indexname <> 'catalog_item_pkey'`,
  );
  for (const { indexname } of indexes) await client.query(`drop index "${indexname}"`);
  const categories = catalogCategories.map((c) => c.key);
  for (const year of YEARS) {
    await client.query(`
      insert into catalog_item (id, organization_id, status, title, body, category, subject, document_number, issuer,
                                written_on, published_at, validity, validity_ended_on, index_number, updated_at)
      select gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(u::text, 12, '0'))::uuid, 'PUBLISHED',
             place || '镇关于${year}年' || (${sqlArray(TOPICS)})[1 + (n * 7 + u) % ${TOPICS.length}] || '工作的'
               || (${sqlArray(KINDS)})[1 + (n * 3 + u) % ${KINDS.length}] || '（第' || n || '号）',
             '正文', category, '综合政务',
             case when n % 3 = 0 then place || '政〔${year}〕' || n || '号' else '' end,
             place || '镇人民政府', published::date, published,
             case when category = 'normative' and n % 5 = 0 then 'REPEALED'::"CatalogValidity" else 'VALID' end,
             case when category = 'normative' and n % 5 = 0 then (published + interval '200 days')::date end,
             'BENCH-' || u || '/${year}-' || lpad(n::text, 5, '0'), now()
        from generate_series(1, ${UNITS}) u
        cross join generate_series(1, ${PER_UNIT_YEAR}) n
        cross join lateral (select (${sqlArray(FIRST)})[1 + (u - 1) % 20] || (${sqlArray(SECOND)})[1 + (u - 1) / 20] as place,
                                   (${sqlArray(categories)})[1 + (n * 11 + u) % ${categories.length}] as category,
                                   make_timestamptz(${year}, 1, 1, 9, 0, 0, 'Asia/Shanghai')
                                     + ((n - 1) * interval '1 day' * 364 / ${PER_UNIT_YEAR}) + (n % 8) * interval '1 hour' as published) v`);
    console.log(`  ${year}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const loaded = performance.now() - started;
  started = performance.now();
  for (const { indexdef } of indexes) await client.query(indexdef);
  await client.query("analyze catalog_item");
  const indexed = performance.now() - started;
  const { rows: size } = await client.query<{ table: string; indexes: string }>(
    `select pg_size_pretty(pg_table_size('catalog_item')) as table, pg_size_pretty(pg_indexes_size('catalog_item')) as indexes`,
  );
  console.log(`Loaded in ${(loaded / 1000).toFixed(0)} s, indexes built in ${(indexed / 1000).toFixed(0)} s (table ${size[0]!.table}, indexes ${size[0]!.indexes}).\n`);
  await client.end();

  const prisma = createPrismaClient(url);
  const { rows: units } = { rows: Array.from({ length: UNITS }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`) };
  const unit = (i: number) => units[(i * 37) % UNITS]!;
  const year = (i: number) => YEARS[i % YEARS.length]!;
  const category = (i: number) => categories[(i * 7) % categories.length]!;
  const place = (i: number) => `${FIRST[((i * 37) % UNITS) % 20]}${SECOND[Math.floor(((i * 37) % UNITS) / 20)]}`;
  const results = [];
  console.log(`Timings over ${RUNS} runs each (${PER_UNIT_YEAR.toLocaleString("en")} items per unit-year):`);
  results.push(await time("list: a unit's newest items, first page", RUNS, (i) => listPublishedItems(unit(i), {}, {}, prisma)));
  results.push(await time("list: a unit by category and year", RUNS, (i) => listPublishedItems(unit(i), { category: category(i), year: year(i) }, {}, prisma)));
  results.push(
    await time("list: a unit, 10 pages deep (keyset)", Math.ceil(RUNS / 10), async (i) => {
      let after;
      for (let page = 0; page < 10; page++) after = (await listPublishedItems(unit(i), after ? { after } : {}, {}, prisma)).next ?? undefined;
    }),
  );
  results.push(await time("list: all units, newest items", RUNS, (i) => listPublishedItems(null, i % 2 ? { year: year(i) } : {}, {}, prisma)));
  results.push(await time("list: all units by category and year", RUNS, (i) => listPublishedItems(null, { category: category(i), year: year(i) }, {}, prisma)));
  results.push(await time("search: in a unit, topic words (2–6 characters)", RUNS, (i) => listPublishedItems(unit(i), { q: TOPICS[i % TOPICS.length]!.slice(0, 2 + (i % 5)) }, {}, prisma)));
  results.push(await time("search: all units, topic words (3–6 characters)", RUNS, (i) => listPublishedItems(null, { q: TOPICS[i % TOPICS.length]!.slice(0, 3 + (i % 4)) }, {}, prisma)));
  results.push(await time("search: all units, a place and topic", RUNS, (i) => listPublishedItems(null, { q: `${place(i)}镇关于${year(i)}年${TOPICS[i % TOPICS.length]}` }, {}, prisma)));
  results.push(await time("search: all units, a 文号 fragment", RUNS, (i) => listPublishedItems(null, { q: `政〔${year(i)}〕${(i * 3 + 3) % PER_UNIT_YEAR}号` }, {}, prisma)));
  results.push(await time("search: all units, a term that matches nothing", RUNS, (i) => listPublishedItems(null, { q: `不存在的词${i}` }, {}, prisma)));
  results.push(await time("search: all units, 2-character words, within a year", RUNS, (i) => listPublishedItems(null, { q: TOPICS[i % TOPICS.length]!.slice(2, 4), year: year(i) }, {}, prisma)));
  results.push(await time("search: all units, a place name (2 characters), within a year", RUNS, (i) => listPublishedItems(null, { q: place(i), year: year(i) }, {}, prisma)));
  results.push(await time("search: all units, 2 characters matching nothing, within a year", Math.ceil(RUNS / 4), (i) => listPublishedItems(null, { q: `无${i % 10}`, year: year(i) }, {}, prisma)));
  results.push(await time("report counts: one unit-year (one aggregate query)", RUNS, (i) => countCatalogForReport(unit(i), year(i), prisma)));
  await prisma.$disconnect();

  console.log("\n| query | p50 | p95 |\n|---|---|---|");
  for (const r of results) console.log(`| ${r.label} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`);
} finally {
  await dropDatabase(url).catch((error) => console.error("Could not drop the bench database:", error));
  await server.stop();
}
