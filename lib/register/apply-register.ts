// Applies a register in ONE transaction: all of it or nothing. Imports are
// taken one at a time (an advisory lock), and the register is planned again
// inside the transaction: if the plan differs from the preview the
// administrator confirmed (its digest), nothing is written and the preview is
// shown again; so is a register with refused rows, which the office fixes and
// sends again rather than leaving the region half imported. Units are written
// parents first — a level at a time, so a move never passes through a cycle —
// and a move is an update of parent_id: the database carries the subtree.
import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { AdminScope } from "@/lib/organizations/admin-scope";
import { actorEventInput, auditActorEvent } from "@/lib/audit/actor-audit";
import { unusablePasswordHash } from "@/lib/auth/password";
import { endOtherSessions } from "@/lib/auth/sessions";
import { recordAuditEvents } from "@/lib/db/audit-rows";
import { inBatches } from "@/lib/db/batches";
import { insertRows } from "@/lib/db/insert-rows";
import { AppError } from "@/lib/errors";
import { createInvitations, type IssuedInvitation } from "@/lib/invitations/create-invitations";
import { mailConfigured } from "@/lib/notifications/notify";
import { loadSnapshot } from "./load-snapshot";
import { hasChanges, hasRefusals, planRegister } from "./plan-register";
import type { AccountWrite, Register, RegisterPlan, UnitWrite } from "./types";

/** Serialises imports across instances: two registers planned at once could each pass alone and clash together. */
const IMPORT_LOCK = 0x6e62_7265; // "nbre"

export interface ApplyOptions {
  /** The digest of the preview confirmed; the CLI passes the one it printed. */
  expectedDigest: string;
  /** The upload being confirmed: claimed in the transaction, so it is applied once. */
  upload?: { id: string; accountId: string };
}

export interface ApplyResult {
  counts: RegisterPlan["counts"];
  invitations: (IssuedInvitation & { unit: string })[];
}

export const CHANGED_SINCE_PREVIEW = "自预览以来，系统中的单位或账号已有变化，导入的结果会与预览不同，未导入任何内容：请核对新的预览后再确认";

async function claimUpload(tx: Prisma.TransactionClient, upload: { id: string; accountId: string }, now: Date) {
  const claimed = await tx.registerUpload.updateMany({
    where: { id: upload.id, accountId: upload.accountId, appliedAt: null, expiresAt: { gt: now } },
    data: { appliedAt: now },
  });
  if (claimed.count !== 1) throw new AppError("CONFLICT", "该文件已经导入过，或预览已过期：如需再次导入，请重新上传");
}

export async function applyRegister(
  prisma: PrismaClient,
  actor: Actor,
  scope: AdminScope,
  register: Register,
  options: ApplyOptions,
): Promise<ApplyResult> {
  // Hashed once, outside the transaction: every account created waits for its invitation behind it.
  const passwordHash = await unusablePasswordHash();
  return prisma.$transaction(
    async (tx) => {
      const now = new Date();
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`;
      if (options.upload) await claimUpload(tx, options.upload, now);
      const plan = planRegister(register, await loadSnapshot(tx, register), { actor, scope, mail: mailConfigured() });
      if (plan.digest !== options.expectedDigest) throw new AppError("CONFLICT", CHANGED_SINCE_PREVIEW);
      if (hasRefusals(plan)) throw new AppError("INVALID", "名录中有被拒绝的行，未导入任何内容：请按预览中的原因修改文件后重新上传");
      if (!hasChanges(plan)) throw new AppError("INVALID", "名录与系统中的一致，没有需要导入的变化");

      const units = plan.units.flatMap((u) => (u.write ? [{ row: u.row, write: u.write }] : []));
      await writeUnits(tx, actor, units);
      const accounts = plan.accounts.flatMap((a) => (a.write ? [{ row: a.row, write: a.write }] : []));
      const invitations = await writeAccounts(tx, actor, accounts, passwordHash, now);

      const unitName = new Map(units.map((u) => [u.write.id, u.write.name]));
      const knownNames = await tx.organization.findMany({
        where: { id: { in: accounts.flatMap((a) => a.write.grants.map((g) => g.organizationId)) } },
        select: { id: true, name: true },
      });
      for (const unit of knownNames) unitName.set(unit.id, unit.name);
      const grantsOf = new Map(accounts.map((a) => [a.write.id, a.write.grants]));
      await auditActorEvent(tx, actor, "register.import", { type: "register_upload", id: options.upload?.id ?? plan.digest.slice(0, 32) }, {
        files: register.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
        units: plan.counts.units,
        accounts: plan.counts.accounts,
        digest: plan.digest,
      });
      return {
        counts: plan.counts,
        invitations: invitations.map((invitation) => ({
          ...invitation,
          unit: (grantsOf.get(invitation.accountId) ?? []).map((g) => unitName.get(g.organizationId) ?? "").filter(Boolean).join("、"),
        })),
      };
    },
    // A province's register is thousands of rows: one transaction still, with time for it.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

// The rows written, as the tables name their columns (lib/db/insert-rows.ts: an array per column, not a parameter per value).
const UNIT_COLUMNS = {
  id: "uuid",
  slug: "text",
  code: "text",
  name: "text",
  short_name: "text",
  kind: '"OrganizationKind"',
  parent_id: "uuid",
  region_code: "text",
  updated_at: "timestamptz",
} as const;
const ACCOUNT_COLUMNS = {
  id: "uuid",
  username: "text",
  display_name: "text",
  email: "text",
  password_hash: "text",
  must_change_password: "boolean",
  updated_at: "timestamptz",
} as const;
const GRANT_COLUMNS = { account_id: "uuid", organization_id: "uuid", role: '"Role"' } as const;

function unitAudit(actor: Actor, { row, write }: { row: number; write: UnitWrite }) {
  const object = { type: "organization", id: write.id };
  if (write.create) {
    const { name, code, slug, kind, parentId } = write;
    return actorEventInput(actor, "organization.create", object, { source: "register", row, name, code, slug, kind, parentId });
  }
  const after = { name: write.name, shortName: write.shortName, parentId: write.parentId, regionCode: write.regionCode };
  return actorEventInput(actor, "organization.update", object, { source: "register", row, before: write.before!, after });
}

async function writeUnits(tx: Prisma.TransactionClient, actor: Actor, units: { row: number; write: UnitWrite }[]) {
  const depths = [...new Set(units.map((u) => u.write.depth))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = units.filter((u) => u.write.depth === depth);
    const now = new Date();
    await inBatches(
      level.filter((u) => u.write.create).map((u) => u.write),
      (batch) =>
        insertRows(
          tx,
          "organization",
          UNIT_COLUMNS,
          batch.map((u) => ({ id: u.id, slug: u.slug, code: u.code, name: u.name, short_name: u.shortName, kind: u.kind, parent_id: u.parentId, region_code: u.regionCode, updated_at: now })),
        ),
    );
    for (const { write } of level.filter((u) => !u.write.create)) {
      await tx.organization.update({
        where: { id: write.id },
        data: { name: write.name, shortName: write.shortName, parentId: write.parentId, regionCode: write.regionCode },
      });
    }
    await inBatches(level, (batch) => recordAuditEvents(tx, batch.map((unit) => unitAudit(actor, unit))));
  }
}

function accountAudit(actor: Actor, { row, write }: { row: number; write: AccountWrite }, invitation: IssuedInvitation | undefined) {
  const rolesGranted = write.grants.map((g) => ({ organizationId: g.organizationId, role: g.role }));
  const detail = write.create
    ? { invitation: { expiresAt: invitation!.expiresAt.toISOString(), mailed: invitation!.mailed } }
    : { before: write.before!, after: { displayName: write.displayName, email: write.email } };
  return actorEventInput(actor, write.create ? "account.create" : "account.update", { type: "account", id: write.id }, {
    source: "register",
    row,
    username: write.username,
    rolesGranted,
    ...detail,
  });
}

async function writeAccounts(
  tx: Prisma.TransactionClient,
  actor: Actor,
  accounts: { row: number; write: AccountWrite }[],
  passwordHash: string,
  now: Date,
): Promise<IssuedInvitation[]> {
  const created = accounts.filter((a) => a.write.create).map((a) => a.write);
  await inBatches(created, (batch) =>
    insertRows(
      tx,
      "account",
      ACCOUNT_COLUMNS,
      batch.map((a) => ({ id: a.id, username: a.username, display_name: a.displayName, email: a.email, password_hash: passwordHash, must_change_password: false, updated_at: now })),
    ),
  );
  for (const { write } of accounts.filter((a) => !a.write.create)) {
    await tx.account.update({ where: { id: write.id }, data: { displayName: write.displayName, email: write.email } });
    // A new role changes what the person may do: their sessions end, as on the administration screen.
    if (write.grants.length > 0) await endOtherSessions(tx, write.id);
  }
  const grants = accounts.flatMap(({ write }) => write.grants.map((g) => ({ accountId: write.id, ...g })));
  await inBatches(grants, (batch) =>
    insertRows(tx, "role_assignment", GRANT_COLUMNS, batch.map((g) => ({ account_id: g.accountId, organization_id: g.organizationId, role: g.role })), { skipDuplicates: true }),
  );
  const invitations: IssuedInvitation[] = [];
  await inBatches(created, async (batch) => invitations.push(...(await createInvitations(tx, actor.username, batch, now))));
  const invited = new Map(invitations.map((i) => [i.accountId, i]));
  await inBatches(accounts, (batch) => recordAuditEvents(tx, batch.map((account) => accountAudit(actor, account, invited.get(account.write.id)))));
  return invitations;
}
