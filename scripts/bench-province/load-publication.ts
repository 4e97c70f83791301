// Publishing, as stampPublication does it for each revision: the 索引号 from
// the unit's sequence for the year of publication (shared with its catalog
// items), the date and the publisher stamped on the revision once, the
// publication log; then the audit log of every step in time order. The
// stamping transaction sets nianbao.bulk_load, so the roll-up totals are
// not kept row by row here: the loader rebuilds them once at the end.
import type pg from "pg";
import type { PlannedEvent } from "./plan";
import { insertRows } from "./load-sql";

export async function stampPublications(client: pg.ClientBase): Promise<void> {
  await client.query("begin");
  try {
    await client.query("select set_config('nianbao.bulk_load', 'on', true)");
    // Serial: the unit's catalog items published earlier that year, plus its reports published up to this one.
    await client.query(`
      update report_revision rv
         set published_at = s.published_at, published_by_id = s.published_by_id,
             index_number = s.code || '/' || s.pub_year || '-' || lpad(s.serial::text, 5, '0')
        from (select p.id, p.published_at, p.published_by_id, p.pub_year, o.code,
                     row_number() over (partition by p.organization_id, p.pub_year order by p.published_at, p.id)
                       + (select count(*) from catalog_item c
                           where c.organization_id = p.organization_id and c.status = 'PUBLISHED'
                             and c.published_at >= make_timestamptz(p.pub_year, 1, 1, 0, 0, 0, 'Asia/Shanghai') and c.published_at < p.published_at) as serial
                from (select v.id, v.published_at, v.published_by_id, b.organization_id,
                             extract(year from v.published_at at time zone 'Asia/Shanghai')::int as pub_year
                        from bench_revision v join bench_report b on b.id = v.report_id where v.published_at is not null) p
                join organization o on o.id = p.organization_id) s
       where rv.id = s.id`);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
  // Every publication, numbered in commit order (what an instance that lost LISTEN catches up from).
  await client.query(`
    insert into publication_log (organization_slug, year, published_at)
    select o.slug, b.year, v.published_at
      from bench_revision v join bench_report b on b.id = v.report_id join organization o on o.id = b.organization_id
     where v.published_at is not null order by v.published_at`);
  await client.query(`
    insert into index_serial (organization_id, year, last_serial)
    select organization_id, year, count(*) from (
      select organization_id, extract(year from published_at at time zone 'Asia/Shanghai')::int as year from catalog_item where index_number is not null
      union all
      select b.organization_id, extract(year from v.published_at at time zone 'Asia/Shanghai')::int
        from bench_revision v join bench_report b on b.id = v.report_id where v.published_at is not null) x
     group by organization_id, year`);
}

/** The steps' audit rows, and each publication's with its 索引号, in the order they happened. */
export async function loadAuditEvents(client: pg.ClientBase, events: readonly PlannedEvent[]): Promise<void> {
  await client.query("create temp table bench_event (occurred_at timestamptz, actor text, role text, event text, object_id text, detail jsonb)");
  await insertRows(client, "bench_event", events, [
    ["occurred_at", "timestamptz", (e) => e.at],
    ["actor", "text", (e) => e.actor],
    ["role", "text", (e) => e.role],
    ["event", "text", (e) => e.event],
    ["object_id", "text", (e) => e.objectId],
    ["detail", "jsonb", (e) => JSON.stringify(e.detail)],
  ]);
  await client.query(`
    insert into audit_event (occurred_at, actor, role, event, object_type, object_id, result, detail)
    select occurred_at, actor, role, event, 'report', object_id, 'success', detail from (
      select occurred_at, actor, role, event, object_id, detail from bench_event
      union all
      select v.published_at, a.username, v.published_by_role, 'report.publish', v.report_id::text,
             jsonb_build_object('revision', rv.number, 'indexNumber', rv.index_number)
        from bench_revision v join report_revision rv on rv.id = v.id join account a on a.id = v.published_by_id
       where v.published_at is not null) e
     order by occurred_at`);
}
