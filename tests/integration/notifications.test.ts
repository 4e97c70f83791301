// Notifications on real PostgreSQL and e-mail through a real SMTP server
// started here (smtp-server): who hears of each step, the outbox's retry
// after the server was down, no duplicate with two senders, reminders made
// once, and 催报 from the board.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Actor } from "@/lib/auth/actor";
import { todayInChina } from "@/lib/report-format";
import { approveReport } from "@/lib/reports/steps/approve-report";
import { returnReport } from "@/lib/reports/steps/return-report";
import { submitReport } from "@/lib/reports/steps/submit-report";
import { listInbox, markRead, unreadCount } from "@/lib/notifications/inbox";
import { produceDeadlineReminders } from "@/lib/notifications/deadline-reminders";
import { produceDigests } from "@/lib/notifications/digest";
import { sendDueMail } from "@/lib/notifications/mail-sender";
import { createMailTransport } from "@/lib/notifications/mail-transport";
import { lastReminders, remindUnits } from "@/lib/supervision/remind-units";
import { loadStatusBoard } from "@/lib/supervision/board";
import { listTodo } from "@/lib/reports/todo-queries";
import { listWorkspace } from "@/lib/reports/workspace-queries";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { submittedReport } from "./reports/report-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port, keeping what it receives. */
async function startSmtp(port = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return { received, port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The subject and text of a received message, as a mail client reads them. */
async function decoded(raw: string) {
  const mail = await simpleParser(raw);
  return { subject: mail.subject ?? "", text: mail.text ?? "" };
}

let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerk: Actor;
let reviewer: Actor;
let supervisor: Actor;
const email = async (actor: Actor, address: string) => prisma.account.update({ where: { id: actor.accountId }, data: { email: address } });

beforeEach(async () => {
  towns = await createCountyWithTownships(prisma);
  clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
  reviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
  supervisor = await signedInActor(prisma, [{ organizationId: towns.county.id, role: "SUPERVISOR" }]);
  await email(clerk, `clerk-${clerk.accountId.slice(0, 8)}@example.org`);
  await email(reviewer, `reviewer-${reviewer.accountId.slice(0, 8)}@example.org`);
});
afterEach(() => vi.unstubAllEnvs());

const submitted = (year: number) => submittedReport(prisma, clerk, towns.townA.id, year);

describe("notifications of the workflow", () => {
  it("a submission reaches the unit's reviewers; a return, an approval and a publication its clerk — each with the place to act", async () => {
    vi.stubEnv("MAIL_DIR", "/tmp/nianbao-test-mail-unused");
    const reportId = await submitted(2024);
    const [review] = await listInbox(reviewer, prisma);
    expect(review).toMatchObject({ kind: "REVIEW_REQUESTED", href: `/workspace/reports/${reportId}/review`, title: "待审核：测试县甲镇人民政府2024年度报告" });
    expect(await listInbox(clerk, prisma)).toEqual([]);

    await returnReport(reviewer, { reportId, revisionNumber: 1, comments: [{ target: null, body: "请补充" }, { target: "cells.active.license.decisions", body: "核对" }] }, prisma);
    const [returned] = await listInbox(clerk, prisma);
    expect(returned).toMatchObject({ kind: "RETURNED", href: `/workspace/reports/${reportId}` });
    expect(returned!.body).toContain("共2条意见");

    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
    await submitReport(clerk, { reportId, baseVersion: report.version, explanations: (await prisma.reportRevision.findFirstOrThrow({ where: { reportId, number: 1 } })).explanations as Record<string, string> }, prisma);
    await approveReport(reviewer, { reportId, revisionNumber: 2, publish: true }, prisma);
    const kinds = (await listInbox(clerk, prisma)).map((n) => n.kind);
    expect(kinds).toEqual(["PUBLISHED", "RETURNED"]);
    expect((await listInbox(clerk, prisma))[0]!.href).toBe(`/reports/${towns.townA.slug}/2024`);
    // Each notification queued its e-mail, to the person's address.
    const mails = await prisma.outboxMail.findMany({ where: { toAddress: { in: [`clerk-${clerk.accountId.slice(0, 8)}@example.org`] } } });
    expect(mails).toHaveLength(2);

    expect(await unreadCount(clerk, prisma)).toBe(2);
    await markRead(clerk, {}, prisma);
    expect(await unreadCount(clerk, prisma)).toBe(0);
    // Nobody marks another person's notifications.
    await markRead(clerk, { notificationId: review!.id }, prisma);
    expect((await listInbox(reviewer, prisma)).find((n) => n.id === review!.id)?.readAt).toBeNull();
  });

  it("without a mail server configured, notifications stay in the app and nothing is queued", async () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("MAIL_DIR", "");
    await submitted(2023);
    expect(await listInbox(reviewer, prisma)).toHaveLength(1);
    expect(await prisma.outboxMail.count({ where: { notification: { account: { id: reviewer.accountId } } } })).toBe(0);
  });
});

describe("the outbox and the SMTP server", () => {
  it("sends each kind of message to its recipient with its subject and link", async () => {
    const smtp = await startSmtp();
    try {
      vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${smtp.port}`);
      vi.stubEnv("SITE_URL", "https://nianbao.example.org");
      const reportId = await submitted(2022);
      await returnReport(reviewer, { reportId, revisionNumber: 1, comments: [{ target: null, body: "请补充" }] }, prisma);
      await remindUnits(supervisor, { governmentSlug: towns.county.slug, year: 2022, organizationIds: [towns.townA.id], message: "本周内完成" }, prisma);
      const transport = createMailTransport()!;
      while ((await sendDueMail(prisma, transport)).sent > 0);
      transport.close();
      const mine = (address: string) => Promise.all(smtp.received.filter((m) => m.to.includes(address)).map((m) => decoded(m.raw)));
      const toReviewer = await mine(`reviewer-${reviewer.accountId.slice(0, 8)}@example.org`);
      const toClerk = await mine(`clerk-${clerk.accountId.slice(0, 8)}@example.org`);
      expect(toReviewer.map((m) => m.subject)).toEqual([
        "【政府信息公开年报】待审核：测试县甲镇人民政府2022年度报告",
        "【政府信息公开年报】催报：测试县甲镇人民政府2022年度报告",
      ]);
      expect(toReviewer[0]!.text).toContain(`https://nianbao.example.org/workspace/reports/${reportId}/review`);
      expect(toClerk.map((m) => m.subject)).toEqual([
        "【政府信息公开年报】已退回：测试县甲镇人民政府2022年度报告",
        "【政府信息公开年报】催报：测试县甲镇人民政府2022年度报告",
      ]);
      expect(toClerk[0]!.text).toContain(`https://nianbao.example.org/workspace/reports/${reportId}`);
      expect(toClerk[1]!.text).toContain("附言：本周内完成");
    } finally {
      await smtp.close();
    }
  });

  it("an SMTP outage delays mail and loses none: it is retried after the server is back", async () => {
    const down = await startSmtp();
    const port = down.port;
    await down.close();
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
    await submitted(2021);
    const transport = createMailTransport()!;
    expect(await sendDueMail(prisma, transport)).toMatchObject({ sent: 0 });
    const waiting = await prisma.outboxMail.findFirstOrThrow({ where: { toAddress: `reviewer-${reviewer.accountId.slice(0, 8)}@example.org` } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.lastError).toBeTruthy();
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not before its time…
    expect((await sendDueMail(prisma, transport)).sent).toBe(0);
    // …and once it is due again, with the server back up, it goes out once.
    const up = await startSmtp(port);
    try {
      await prisma.outboxMail.update({ where: { id: waiting.id }, data: { nextAttemptAt: new Date() } });
      await sendDueMail(prisma, transport);
      expect(await prisma.outboxMail.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "SENT", attempts: 2 });
      expect(up.received.filter((m) => m.to.includes(waiting.toAddress))).toHaveLength(1);
    } finally {
      transport.close();
      await up.close();
    }
  });

  it("mail queued for an address since changed, or for a disabled account, is not sent to the old address", async () => {
    const smtp = await startSmtp();
    try {
      vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${smtp.port}`);
      const old = `reviewer-${reviewer.accountId.slice(0, 8)}@example.org`;
      await submitted(2022);
      await prisma.account.update({ where: { id: reviewer.accountId }, data: { email: "someone-else@example.org" } });
      const transport = createMailTransport()!;
      await sendDueMail(prisma, transport);
      transport.close();
      expect(smtp.received.filter((m) => m.to.includes(old))).toHaveLength(0);
      const mail = await prisma.outboxMail.findFirstOrThrow({ where: { toAddress: old } });
      expect(mail).toMatchObject({ status: "FAILED", lastError: "收件人账号已停用或已更改邮箱，未发送" });
    } finally {
      await smtp.close();
    }
  });

  it("two senders at once send every message exactly once", async () => {
    const smtp = await startSmtp();
    try {
      vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${smtp.port}`);
      const batch = `batch-${clerk.accountId.slice(0, 8)}`;
      await prisma.outboxMail.createMany({
        data: Array.from({ length: 30 }, (_, i) => ({ toAddress: `${batch}-${i}@example.org`, subject: `第${i}封`, text: "正文" })),
      });
      const [a, b] = [createMailTransport()!, createMailTransport()!];
      const drain = async (transport: NonNullable<ReturnType<typeof createMailTransport>>) => {
        let sent = 0;
        for (;;) {
          const round = await sendDueMail(prisma, transport, 4);
          sent += round.sent;
          if (round.sent === 0 && round.failed === 0) return sent;
        }
      };
      const [first, second] = await Promise.all([drain(a), drain(b)]);
      a.close();
      b.close();
      const mine = smtp.received.filter((m) => m.to.some((to) => to.startsWith(batch)));
      expect(mine).toHaveLength(30);
      expect(new Set(mine.map((m) => m.to[0])).size).toBe(30);
      expect(first + second).toBeGreaterThanOrEqual(30);
      expect(first).toBeGreaterThan(0);
      expect(second).toBeGreaterThan(0);
    } finally {
      await smtp.close();
    }
  });
});

describe("deadlines and 催报", () => {
  it("the clerk sees the ended years not yet published, most overdue first; the year under way is not among them", async () => {
    const thisYear = new Date().getUTCFullYear();
    await prisma.report.create({ data: { organizationId: towns.townA.id, year: thisYear - 3, formatVersion: "2021", title: "已发布", status: "PUBLISHED", revisions: { create: { number: 1, formatVersion: "2021", title: "已发布", signatureLine: "", sections: {}, publishedAt: new Date() } } } });
    const [unit] = await listWorkspace(clerk, prisma);
    expect(unit!.due.map((d) => [d.year, d.state])).toEqual([
      [thisYear - 2, "NOT_STARTED"],
      [thisYear - 1, "NOT_STARTED"],
    ]);
    expect(unit!.defaultStartYear).toBe(thisYear - 2);
    const todo = await listTodo(clerk, prisma);
    expect(todo.slice(0, 2).map((t) => [t.kind, t.year])).toEqual([
      ["due", thisYear - 2],
      ["due", thisYear - 1],
    ]);
  });

  it("deadline reminders are made once per report, threshold and person, even by two instances at once", async () => {
    vi.stubEnv("MAIL_DIR", "/tmp/nianbao-test-mail-unused");
    // A week before 甲镇's 2025 deadline (31 January 2026), nothing started.
    const today = "2026-01-25";
    const counts = await Promise.all([
      produceDeadlineReminders(prisma, today, [towns.county.id]),
      produceDeadlineReminders(prisma, today, [towns.county.id]),
    ]);
    await produceDeadlineReminders(prisma, today, [towns.county.id]);
    const soon = await prisma.notification.findMany({ where: { accountId: clerk.accountId, kind: "DEADLINE_SOON" } });
    expect(soon).toHaveLength(1);
    expect(soon[0]!.title).toBe("即将到期：测试县甲镇人民政府2025年度报告");
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    // The reviewer hears of it once it is overdue, with the clerk.
    await produceDeadlineReminders(prisma, "2026-02-01", [towns.county.id]);
    await produceDeadlineReminders(prisma, "2026-02-02", [towns.county.id]);
    expect(await prisma.notification.count({ where: { accountId: reviewer.accountId, kind: "OVERDUE" } })).toBe(1);
    expect(await prisma.notification.count({ where: { accountId: clerk.accountId, kind: "OVERDUE" } })).toBe(1);
    expect(await prisma.outboxMail.count({ where: { notification: { accountId: clerk.accountId } } })).toBe(2);
  });

  it("催报 reaches the unit's clerks and reviewers, is audited, shows on the board, and stays within the county", async () => {
    const result = await remindUnits(supervisor, { governmentSlug: towns.county.slug, year: 2025, organizationIds: [towns.townA.id, towns.townB.id] }, prisma);
    expect(result).toEqual({ units: 2, people: 2, refused: [] });
    expect((await listInbox(clerk, prisma))[0]).toMatchObject({ kind: "REMINDER", href: "/workspace" });
    expect((await listInbox(reviewer, prisma))[0]).toMatchObject({ kind: "REMINDER" });
    expect(await prisma.auditEvent.count({ where: { event: "supervision.remind", objectId: { in: [towns.townA.id, towns.townB.id] }, result: "success" } })).toBe(2);
    const reminded = await lastReminders(prisma, [towns.townA.id, towns.townB.id], 2025);
    expect(reminded.size).toBe(2);
    expect((await lastReminders(prisma, [towns.townA.id], 2024)).size).toBe(0);

    const other = await createCountyWithTownships(prisma);
    await expect(
      remindUnits(supervisor, { governmentSlug: towns.county.slug, year: 2025, organizationIds: [other.townA.id] }, prisma),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const otherSupervisor = await signedInActor(prisma, [{ organizationId: other.county.id, role: "SUPERVISOR" }]);
    await expect(
      remindUnits(otherSupervisor, { governmentSlug: towns.county.slug, year: 2025, organizationIds: [towns.townA.id] }, prisma),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("催报 reaches a unit once a day: a second the same day is refused for that unit and audited, the batch's others still go out", async () => {
    const remind = (organizationIds: string[], year = 2025) => remindUnits(supervisor, { governmentSlug: towns.county.slug, year, organizationIds }, prisma);
    await remind([towns.townA.id]);
    expect(await remind([towns.townA.id, towns.townB.id])).toEqual({
      units: 1,
      people: 0,
      refused: [{ organizationId: towns.townA.id, name: towns.townA.name, message: "今天已催报过，明天可再次催报" }],
    });
    // The board offers no second 催报 today, for this year or another: the same rule as the server's.
    for (const year of [2025, 2024]) {
      const rows = (await loadStatusBoard(supervisor, towns.county.slug, year, prisma)).rows;
      expect(rows.find((row) => row.organization.id === towns.townA.id)?.remindedToday).toBe(true);
      expect(rows.find((row) => row.organization.id === towns.county.id)?.remindedToday).toBe(false);
    }
    // Of another year too: the unit's people hear of it once a day.
    await expect(remind([towns.townA.id], 2024)).rejects.toMatchObject({ code: "CONFLICT", message: `${towns.townA.name}今天已催报过，明天可再次催报` });
    expect(await prisma.notification.count({ where: { accountId: clerk.accountId, kind: "REMINDER" } })).toBe(1);
    const refusals = await prisma.auditEvent.findMany({ where: { event: "supervision.remind", objectId: towns.townA.id, result: "failure" }, orderBy: { id: "asc" } });
    expect(refusals.map((r) => r.detail)).toEqual([
      { reason: "reminded-today", year: 2025 },
      { reason: "reminded-today", year: 2024 },
    ]);
    // The next day (China time) it may be reminded again.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 86_400_000 });
    try {
      expect(await remind([towns.townA.id])).toMatchObject({ units: 1, people: 2 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("a 主管部门 who asked for it gets one digest a day of what moved on the board", async () => {
    await prisma.account.update({ where: { id: supervisor.accountId }, data: { dailyDigest: true } });
    const reportId = await submitted(2021);
    await returnReport(reviewer, { reportId, revisionNumber: 1, comments: [{ target: null, body: "请补充" }] }, prisma);
    // Digests go out from 7:00 China time: the first such hour from now, within a day of the events.
    let at = new Date();
    while ((at.getUTCHours() + 8) % 24 < 7) at = new Date(at.getTime() + 3600_000);
    await Promise.all([produceDigests(prisma, at), produceDigests(prisma, at)]);
    await produceDigests(prisma, at);
    const digests = await prisma.notification.findMany({ where: { accountId: supervisor.accountId, kind: "DIGEST" } });
    expect(digests).toHaveLength(1);
    expect(digests[0]!.body).toContain("测试县甲镇人民政府2021年度报告：提交审核");
    expect(digests[0]!.body).toContain("测试县甲镇人民政府2021年度报告：退回");
    expect(digests[0]!.href).toBe(`/workspace/supervision/${towns.county.slug}/${Number(todayInChina(at).slice(0, 4)) - 1}`);
  });
});
