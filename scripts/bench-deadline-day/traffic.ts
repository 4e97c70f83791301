// The people of the deadline day, each a loop against one app instance until
// the step's time is up: clerks autosaving, a unit's clerk and reviewer
// correcting, submitting, approving and publishing, 主管部门 reloading their
// boards, citizens reading a published report and a region's page. Every
// answer is checked; whatever is not what the product promises is an error.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { callAction, type ActionRef } from "./http-client";
import { Dice, draftOf, typeEdit, type Draft } from "./edits";

export interface Actions {
  save: ActionRef;
  correct: ActionRef;
  submit: ActionRef;
  approve: ActionRef;
}

export interface Ack {
  reportId: string;
  version: number;
  draft: Draft;
}

/** What one step saw. */
export class StepRecord {
  saveMs: number[] = [];
  publishMs: number[] = [];
  reportMs: number[] = [];
  regionMs: number[] = [];
  boardMs: number[] = [];
  acks: Ack[] = [];
  conflicts: { reportId: string; sent: number; got: number; shared: boolean }[] = [];
  errors: string[] = [];
  publications = 0;
  error(who: string, what: unknown) {
    this.errors.push(`${who}: ${what instanceof Error ? what.message : String(what)}`.slice(0, 300));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    samples.push(performance.now() - started);
  }
}

type Saved = { status: "saved"; version: number } | { status: "conflict"; version: number; content: Parameters<typeof draftOf>[1] };

/** Reads a working copy as the editor opens it. */
export async function openReport(prisma: PrismaClient, reportId: string) {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { sections: true, cells: true } });
  return { version: report.version, status: report.status, formatVersion: report.formatVersion, draft: draftOf(report.formatVersion, contentOfWorkingCopy(report)) };
}

export class Clerk {
  cookie = "";
  draft!: Draft;
  baseVersion = 0;
  formatVersion = "";
  private readonly dice: Dice;

  constructor(
    readonly username: string,
    readonly reportId: string,
    /** Another clerk edits the same report: a conflict is expected now and then. */
    readonly shared: boolean,
    seed: number,
  ) {
    this.dice = new Dice(seed);
  }

  async open(prisma: PrismaClient) {
    const opened = await openReport(prisma, this.reportId);
    Object.assign(this, { draft: opened.draft, baseVersion: opened.version, formatVersion: opened.formatVersion });
  }

  /** Types, pauses, saves; until the time is up. The last save started is waited for. */
  async run(origin: string, actions: Actions, until: number, pauseMs: [number, number], record: StepRecord) {
    while (performance.now() < until) {
      await sleep(this.dice.between(...pauseMs));
      if (performance.now() >= until) break;
      const draft = typeEdit(this.formatVersion, this.draft, this.dice);
      const baseVersion = this.baseVersion;
      try {
        const answer = await timed(record.saveMs, () =>
          callAction<Saved>(origin, this.cookie, actions.save, `/workspace/reports/${this.reportId}`, { reportId: this.reportId, baseVersion, content: draft }),
        );
        if (!answer.ok) {
          // The editor keeps what was typed and saves it with the next round.
          this.draft = draft;
          record.error(this.username, `${answer.code} ${answer.message}`);
        } else if (answer.data.status === "saved") {
          this.draft = draft;
          this.baseVersion = answer.data.version;
          record.acks.push({ reportId: this.reportId, version: answer.data.version, draft });
        } else {
          // The other clerk's text comes back to merge with; this clerk takes it and types on.
          record.conflicts.push({ reportId: this.reportId, sent: baseVersion, got: answer.data.version, shared: this.shared });
          this.draft = draftOf(this.formatVersion, answer.data.content);
          this.baseVersion = answer.data.version;
        }
      } catch (error) {
        this.draft = draft;
        record.error(this.username, error);
      }
    }
  }
}

/** A publishing unit: its clerk corrects and submits, its reviewer approves and publishes, round after round. */
export class PublishingUnit {
  clerkCookie = "";
  reviewerCookie = "";
  private round = 0;
  private readonly dice: Dice;

  constructor(
    readonly slug: string,
    readonly reportId: string,
    seed: number,
  ) {
    this.dice = new Dice(seed);
  }

  /**
   * Takes the report's next step from where it stands, round after round; a
   * round started is finished (to 已发布), so that every step starts and ends
   * with the report published.
   */
  async run(prisma: PrismaClient, origin: string, actions: Actions, until: number, record: StepRecord) {
    const page = `/workspace/reports/${this.reportId}`;
    for (let failures = 0; failures < 20; ) {
      try {
        const state = await openReport(prisma, this.reportId);
        if (state.status === "PUBLISHED") {
          if (performance.now() >= until) return;
          this.round += 1;
          const corrected = await callAction(origin, this.clerkCookie, actions.correct, page, { reportId: this.reportId, reason: `演练更正第${this.round}次：核对数据` });
          if (!corrected.ok) throw new Error(`correct: ${corrected.code} ${corrected.message}`);
        } else if (state.status === "DRAFT") {
          // A correction of the text: it must still pass the rules to be submitted.
          const draft = typeEdit(state.formatVersion, state.draft, this.dice, true);
          const saved = await callAction<Saved>(origin, this.clerkCookie, actions.save, page, { reportId: this.reportId, baseVersion: state.version, content: draft });
          if (!saved.ok || saved.data.status !== "saved") throw new Error(`save: ${JSON.stringify(saved).slice(0, 200)}`);
          const submit = (explanations: Record<string, string>) =>
            callAction<{ revisionNumber: number }>(origin, this.clerkCookie, actions.submit, page, { reportId: this.reportId, baseVersion: saved.data.version, explanations });
          let submitted = await submit({});
          // Every warning needs the clerk's explanation: the clerk writes one for each the server names.
          if (!submitted.ok && submitted.code === "INVALID" && submitted.fieldErrors && Object.values(submitted.fieldErrors).every((m) => m.startsWith("请说明"))) {
            submitted = await submit(Object.fromEntries(Object.keys(submitted.fieldErrors).map((id) => [id, "已核实，属实。"])));
          }
          if (!submitted.ok) throw new Error(`submit: ${submitted.code} ${submitted.message} ${JSON.stringify(submitted.fieldErrors ?? {}).slice(0, 200)}`);
        } else if (state.status === "SUBMITTED") {
          // The reviewer opens the review page on the latest revision.
          const latest = await prisma.reportRevision.findFirstOrThrow({ where: { reportId: this.reportId }, orderBy: { number: "desc" }, select: { number: true } });
          const approved = await timed(record.publishMs, () =>
            callAction<{ published: boolean }>(origin, this.reviewerCookie, actions.approve, `${page}/review`, { reportId: this.reportId, revisionNumber: latest.number, publish: true }),
          );
          if (!approved.ok || !approved.data.published) throw new Error(`approve and publish: ${JSON.stringify(approved).slice(0, 200)}`);
          record.publications += 1;
        } else {
          throw new Error(`report is ${state.status}`);
        }
      } catch (error) {
        failures += 1;
        record.error(this.slug, error);
        await sleep(500);
      }
    }
  }
}

/** GETs a page until the time is up; anything but a 200 is an error. */
export async function reader(
  origin: string,
  cookie: string | null,
  pages: { path: string; samples: number[] }[],
  until: number,
  pauseMs: number,
  record: StepRecord,
  who: string,
) {
  for (let i = 0; performance.now() < until; i++) {
    const page = pages[i % pages.length]!;
    try {
      const status = await timed(page.samples, async () => {
        const response = await fetch(`${origin}${page.path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
        await response.arrayBuffer();
        return response.status;
      });
      if (status !== 200) record.error(who, `${page.path}: HTTP ${status}`);
    } catch (error) {
      record.error(who, error);
    }
    await sleep(pauseMs);
  }
}
