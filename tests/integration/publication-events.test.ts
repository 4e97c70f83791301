// Publication reaches every app instance through PostgreSQL: NOTIFY is sent in
// the publishing transaction, heard by each instance's LISTEN connection.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseTextReport } from "@/lib/import/parse-text-report";
import type { PublicationEvent } from "@/lib/page-cache/publication-channel";
import { listenForPublications } from "@/lib/page-cache/publication-listener";
import { format2021 } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
import { publishWorkingCopy } from "@/lib/reports/publish-working-copy";
import { createCountyWithTownships, databaseUrl, testPrisma } from "./helpers";
import { TcpProxy } from "./tcp-proxy";

const prisma = testPrisma();
const parsed = parseTextReport(readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8"), format2021);
const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops) await stop();
  await prisma.$disconnect();
});

async function until(condition: () => boolean, timeoutMs = 5_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function listen(url: string) {
  const heard: PublicationEvent[] = [];
  const states: boolean[] = [];
  const listener = listenForPublications(url, {
    onPublication: (event) => heard.push(event),
    onListening: (listening) => states.push(listening),
  });
  stops.push(listener.stop);
  return { heard, states, listening: () => states.at(-1) === true };
}

describe("publication events", () => {
  it("every listener hears a publication once it commits, and nothing of one that rolls back", async () => {
    const a = listen(databaseUrl());
    const b = listen(databaseUrl());
    await until(() => a.listening() && b.listening());
    const { townA, townB } = await createCountyWithTownships(prisma);

    await importReport(prisma, { organizationSlug: townA.slug, year: 2023, parsed, actor: "test", publish: true });
    await until(() => a.heard.length > 0 && b.heard.length > 0);
    expect(a.heard).toEqual([{ organization: townA.slug, year: 2023, seq: expect.any(Number) }]);
    expect(b.heard).toEqual(a.heard);

    const { reportId } = await importReport(prisma, { organizationSlug: townB.slug, year: 2022, parsed, actor: "test", publish: false });
    await prisma
      .$transaction(async (tx) => {
        await publishWorkingCopy(tx, reportId, "test");
        throw new Error("changed our mind");
      })
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(a.heard).toHaveLength(1);
    expect(await prisma.reportRevision.count({ where: { reportId } })).toBe(0);
  });

  it("reports losing the connection, listens again when it is back, and catches up with what was published meanwhile", async () => {
    const target = new URL(databaseUrl());
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    stops.push(() => proxy.stop());
    const proxied = new URL(databaseUrl());
    proxied.port = String(proxy.port);
    const listener = listen(proxied.toString());
    await until(listener.listening);

    const { townA, townB } = await createCountyWithTownships(prisma);
    await proxy.stop();
    await until(() => !listener.listening());
    // Published by another instance while this one could not hear it.
    await importReport(prisma, { organizationSlug: townB.slug, year: 2023, parsed, actor: "test", publish: true });
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // a few failed reconnects
    await proxy.start();
    await until(listener.listening);
    expect(listener.states).toEqual([true, false, true]);
    // Caught up from the publication log before saying it listens again.
    expect(listener.heard).toEqual([{ organization: townB.slug, year: 2023, seq: expect.any(Number) }]);

    await importReport(prisma, { organizationSlug: townA.slug, year: 2024, parsed, actor: "test", publish: true });
    await until(() => listener.heard.some((e) => e.organization === townA.slug));
    const later = listener.heard.find((e) => e.organization === townA.slug)!;
    expect(later).toMatchObject({ year: 2024 });
    expect(later.seq!).toBeGreaterThan(listener.heard[0]!.seq!);
  });
});
