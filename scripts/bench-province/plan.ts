// Who works in the province and where each unit's report of each year
// stands, decided once in TypeScript (deterministically, per unit and year)
// before anything is written. Each state is left as the workflow leaves it
// (lib/reports/steps/): a draft has no revision; a submission froze one
// (submitted by the clerk); a return left the reviewer's comments on it; an
// approval added its approval row; a publication stamped the revision (by the
// reviewer, or by the county's 主管部门 for townships, 先备案后公布); a
// correction reopened a published report as a draft with its reason, and a
// corrected report has two published revisions.
import { randomUUID } from "node:crypto";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { isGovernment } from "@/lib/organizations/tree";
import { seededRandom, TEMPLATES } from "./content";
import type { ProvinceShape, UnitRow } from "./shape";

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  email: string;
  unitId: string;
  role: "CLERK" | "REVIEWER" | "SUPERVISOR" | "ADMINISTRATOR";
}

export interface PlannedReport {
  id: string;
  unitId: string;
  year: number;
  status: ReportStatus;
  version: number;
  correctionReason: string | null;
  signedOn: string | null;
  /** The working copy's content (a template index). */
  template: number;
  createdAt: Date;
  updatedAt: Date;
  lastEditedById: string;
}

export interface PlannedRevision {
  id: string;
  reportId: string;
  number: number;
  template: number;
  createdAt: Date;
  submittedById: string;
  correctionReason: string | null;
  approvedAt: Date | null;
  approvedById: string | null;
  publishedAt: Date | null;
  publishedById: string | null;
  /** The publisher's role label, for the publication's audit row. */
  publishedByRole: string | null;
  /** The reviewer's comments when it was returned. */
  returnedAt: Date | null;
  returnedById: string | null;
}

/** An audit row of a step; publications are recorded by the loader once their 索引号 exist. */
export interface PlannedEvent {
  at: Date;
  actor: string;
  role: string;
  event: string;
  objectId: string;
  detail: Record<string, unknown>;
}

export interface ProvincePlan {
  accounts: AccountRow[];
  reports: PlannedReport[];
  revisions: PlannedRevision[];
  events: PlannedEvent[];
}

/** The password every bench account signs in with (one argon2 hash, reused). */
export const BENCH_PASSWORD = "Bench-province-2026";
export const supervisorUsername = (unitSlug: string) => `${unitSlug}-supervisor`;

const ROLE_LABEL = { CLERK: "填报人", REVIEWER: "审核人", SUPERVISOR: "主管部门" } as const;
const CORRECTION_REASONS = ["表三数据填报有误，予以更正", "正文部分表述不准确，予以更正", "表二行政许可数量统计有误"];
const DAY = 86_400_000;

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A clerk and a reviewer per unit; a 主管部门 and an administrator per government; second clerks up to the shape's total. */
export function planAccounts(shape: ProvinceShape, units: readonly UnitRow[]): AccountRow[] {
  const accounts: AccountRow[] = [];
  const add = (unit: UnitRow, suffix: string, label: string, role: AccountRow["role"]) =>
    accounts.push({ id: randomUUID(), username: `${unit.slug}-${suffix}`, displayName: `${unit.shortName}${label}`, email: `${unit.slug}-${suffix}@bench.invalid`, unitId: unit.id, role });
  for (const unit of units) {
    add(unit, "clerk", "填报人", "CLERK");
    add(unit, "reviewer", "审核人", "REVIEWER");
    if (isGovernment(unit.kind)) {
      add(unit, "supervisor", "政务公开办", "SUPERVISOR");
      add(unit, "admin", "管理员", "ADMINISTRATOR");
    }
  }
  const others = units.filter((u) => !isGovernment(u.kind));
  for (let i = 0; accounts.length < shape.accounts && i < others.length; i++) add(others[i]!, "clerk2", "填报人二", "CLERK");
  return accounts;
}

type Step = "none" | "DRAFT" | "RETURNED" | "SUBMITTED" | "RESUBMITTED" | "APPROVED" | "PUBLISHED" | "CORRECTED" | "CORRECTING" | "CORRECTION_SUBMITTED";

/** The current year in every state; earlier years mostly published, a few never started or left unfinished. */
function stepFor(random: () => number, current: boolean): Step {
  const u = random();
  if (current) {
    if (u < 0.08) return "none";
    if (u < 0.22) return "DRAFT";
    if (u < 0.27) return "RETURNED";
    if (u < 0.35) return "SUBMITTED";
    if (u < 0.39) return "RESUBMITTED";
    if (u < 0.47) return "APPROVED";
    if (u < 0.92) return "PUBLISHED";
    if (u < 0.96) return "CORRECTING";
    return "CORRECTION_SUBMITTED";
  }
  if (u < 0.04) return "none";
  if (u < 0.045) return "DRAFT";
  if (u < 0.05) return "SUBMITTED";
  // Returned once, then published.
  if (u < 0.15) return "RESUBMITTED";
  if (u < 0.96) return "PUBLISHED";
  return "CORRECTED";
}

export function planReports(shape: ProvinceShape, units: readonly UnitRow[], accounts: readonly AccountRow[], now: Date): ProvincePlan {
  const byUnit = new Map<string, { clerk?: AccountRow; reviewer?: AccountRow; supervisor?: AccountRow }>();
  for (const account of accounts) {
    const people = byUnit.get(account.unitId) ?? {};
    if (account.role === "CLERK") people.clerk ??= account;
    if (account.role === "REVIEWER") people.reviewer = account;
    if (account.role === "SUPERVISOR") people.supervisor = account;
    byUnit.set(account.unitId, people);
  }
  const reports: PlannedReport[] = [];
  const revisions: PlannedRevision[] = [];
  const events: PlannedEvent[] = [];
  const latest = now.getTime() - DAY;
  const current = shape.years.at(-1)!;

  for (const unit of units) {
    const { clerk, reviewer } = byUnit.get(unit.id)!;
    // Townships' reports are published by their county's 主管部门 (先备案后公布).
    const publisher = unit.publisher === "SUPERVISOR" ? byUnit.get(unit.parentId!)!.supervisor! : reviewer!;
    const publisherRole = unit.publisher === "SUPERVISOR" ? ROLE_LABEL.SUPERVISOR : ROLE_LABEL.REVIEWER;
    for (const year of shape.years) {
      const random = seededRandom(hash(`${unit.slug}:${year}`));
      const step = stepFor(random, year === current);
      if (step === "none") continue;
      const days = (min: number, max: number) => (min + random() * (max - min)) * DAY;
      // Never later than yesterday: the loader writes history, not the future.
      let clock = Date.UTC(year + 1, isGovernment(unit.kind) ? 1 : 0, 3) + days(0, 8);
      // One report in eight runs late: it starts after the deadline has passed.
      if (random() < 0.125) clock += days(35, 70);
      const at = (advance: number) => new Date(Math.min((clock += advance), latest));
      const template = () => Math.floor(random() * TEMPLATES);
      let revisionsOfReport = 0;
      const report: PlannedReport = {
        id: randomUUID(),
        unitId: unit.id,
        year,
        status: "DRAFT",
        version: 1,
        correctionReason: null,
        // Half the drafts not yet submitted have no 落款日期 yet (a blocking error on the board).
        signedOn: step === "DRAFT" && random() < 0.5 ? null : new Date(Date.UTC(year + 1, isGovernment(unit.kind) ? 2 : 0, 10 + Math.floor(random() * 15))).toISOString().slice(0, 10),
        template: template(),
        createdAt: at(0),
        updatedAt: new Date(0),
        lastEditedById: clerk!.id,
      };
      const event = (when: Date, who: AccountRow, role: string, name: string, detail: Record<string, unknown>) =>
        events.push({ at: when, actor: who.username, role, event: name, objectId: report.id, detail });
      const saves = () => {
        const n = 2 + Math.floor(random() * 10);
        report.version += n;
        at(days(1, 6));
      };
      const submit = (correctionReason: string | null = null) => {
        const revision: PlannedRevision = {
          id: randomUUID(),
          reportId: report.id,
          number: ++revisionsOfReport,
          template: report.template,
          createdAt: at(days(0.1, 1)),
          submittedById: clerk!.id,
          correctionReason,
          approvedAt: null,
          approvedById: null,
          publishedAt: null,
          publishedById: null,
          publishedByRole: null,
          returnedAt: null,
          returnedById: null,
        };
        revisions.push(revision);
        report.status = "SUBMITTED";
        event(revision.createdAt, clerk!, ROLE_LABEL.CLERK, "report.submit", { revision: revision.number });
        return revision;
      };
      const returned = (revision: PlannedRevision) => {
        revision.returnedAt = at(days(0.5, 3));
        revision.returnedById = reviewer!.id;
        report.status = "DRAFT";
        report.version += 1;
        event(revision.returnedAt, reviewer!, ROLE_LABEL.REVIEWER, "report.return", { revision: revision.number, comments: 1 });
        report.template = template();
        saves();
      };
      const approve = (revision: PlannedRevision, publish: boolean) => {
        revision.approvedAt = at(days(0.2, 3));
        revision.approvedById = reviewer!.id;
        report.status = "APPROVED";
        event(revision.approvedAt, reviewer!, ROLE_LABEL.REVIEWER, "report.approve", { revision: revision.number });
        if (!publish) return;
        // A reviewer who publishes does it with the approval (审核通过并发布); a 主管部门 a few days later.
        revision.publishedAt = publisher === reviewer ? revision.approvedAt : at(days(1, 4));
        revision.publishedById = publisher.id;
        revision.publishedByRole = publisherRole;
        report.status = "PUBLISHED";
        report.correctionReason = null;
      };
      const startCorrection = () => {
        report.correctionReason = CORRECTION_REASONS[Math.floor(random() * CORRECTION_REASONS.length)]!;
        report.status = "DRAFT";
        report.version += 1;
        event(at(days(40, 150)), clerk!, ROLE_LABEL.CLERK, "report.correct", { reason: report.correctionReason });
        report.template = template();
        saves();
      };

      event(report.createdAt, clerk!, ROLE_LABEL.CLERK, "report.create", { organization: unit.slug, year, prefilledFrom: null });
      saves();
      if (step !== "DRAFT") {
        const first = submit();
        if (step === "RETURNED") returned(first);
        else if (step === "RESUBMITTED") {
          returned(first);
          const second = submit();
          if (year !== current) approve(second, true);
        } else if (step !== "SUBMITTED") {
          approve(first, step !== "APPROVED");
          if (step === "CORRECTED" || step === "CORRECTING" || step === "CORRECTION_SUBMITTED") {
            startCorrection();
            if (step !== "CORRECTING") {
              const second = submit(report.correctionReason);
              if (step === "CORRECTED") approve(second, true);
            }
          }
        }
      }
      report.updatedAt = new Date(Math.min(clock, latest));
      reports.push(report);
    }
  }
  return { accounts: [...accounts], reports, revisions, events };
}
