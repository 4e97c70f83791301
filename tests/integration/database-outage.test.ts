import { afterAll, describe, expect, it } from "vitest";
import { toActionError } from "@/lib/actions/safe-action";
import { createPrismaClient } from "@/lib/db/client";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { createCountyWithTownships, databaseUrl, signedInActor, testPrisma } from "./helpers";
import { TcpProxy } from "./tcp-proxy";

const prisma = testPrisma();
const target = new URL(databaseUrl());
const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
afterAll(async () => {
  await proxy.stop();
  await prisma.$disconnect();
});

describe("when the database goes away in the middle of saving", () => {
  it("a save fails with a clear message, the process stays up, and saving works again afterwards", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const { reportId } = await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma);

    await proxy.start();
    const proxied = new URL(databaseUrl());
    proxied.port = String(proxy.port);
    const app = createPrismaClient(proxied.toString());
    const save = (baseVersion: number, other: string) =>
      saveReport(clerk, { reportId, baseVersion, content: { title: "标题", signatureLine: "", signedOn: null, sections: { overview: "", problems: "", other }, cells: {} } }, app);

    expect(await save(1, "第一次")).toMatchObject({ status: "saved", version: 2 });

    await proxy.stop();
    const failure = await save(2, "断线时").then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(toActionError(failure)).toMatchObject({ ok: false, code: "UNAVAILABLE" });
    expect(toActionError(failure).message).toContain("您的输入仍保留在页面上");

    await proxy.start(); // same port: the app's configuration does not change
    expect(await save(2, "恢复后")).toMatchObject({ status: "saved", version: 3 });
    const sections = await prisma.reportSection.findMany({ where: { reportId, sectionKey: "other" } });
    expect(sections.map((s) => s.body)).toEqual(["恢复后"]);
    await app.$disconnect();
  });
});

describe("when the database does not answer", () => {
  const withTimeouts = (settings: Record<string, string>, make: () => ReturnType<typeof createPrismaClient>) => {
    const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
    Object.assign(process.env, settings);
    try {
      return make();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  };

  it("a paused server makes a save fail within seconds with the unavailable message, not hang", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const { reportId } = await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma);
    const paused = new TcpProxy(target.hostname, Number(target.port || 5432));
    await paused.start();
    const url = new URL(databaseUrl());
    url.port = String(paused.port);
    const app = withTimeouts({ DB_STATEMENT_TIMEOUT_MS: "1000" }, () => createPrismaClient(url.toString()));
    await app.$queryRaw`select 1`; // connected before the pause
    paused.pause();
    const failure = await saveReport(
      clerk,
      { reportId, baseVersion: 1, content: { title: "标题", signatureLine: "", signedOn: null, sections: { overview: "", problems: "", other: "暂停时" }, cells: {} } },
      app,
    ).then(
      () => null,
      (error: unknown) => error,
    );
    expect(toActionError(failure)).toMatchObject({ ok: false, code: "UNAVAILABLE" });
    await paused.stop();
    await app.$disconnect().catch(() => undefined);
    expect((await prisma.reportSection.findFirst({ where: { reportId, sectionKey: "other" } }))?.body).toBe("");
  }, 20_000);

  it("a row locked by another transaction makes a save fail with the lock timeout, and nothing is half-written", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const { reportId } = await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma);
    const app = withTimeouts({ DB_LOCK_TIMEOUT_MS: "500" }, () => createPrismaClient(databaseUrl()));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`select id from report where id = ${reportId}::uuid for update`;
        locked();
        await held;
      },
      { timeout: 15_000 },
    );
    await isLocked;
    const failure = await saveReport(
      clerk,
      { reportId, baseVersion: 1, content: { title: "标题", signatureLine: "", signedOn: null, sections: { overview: "", problems: "", other: "被锁时" }, cells: {} } },
      app,
    ).then(
      () => null,
      (error: unknown) => error,
    );
    release();
    await holder;
    expect(toActionError(failure)).toMatchObject({ ok: false, code: "UNAVAILABLE" });
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { sections: true } });
    expect(report.version).toBe(1);
    expect(report.sections.find((s) => s.sectionKey === "other")?.body).toBe("");
    await app.$disconnect();
  }, 20_000);
});
