// A register planned as a whole: the units first (accounts name them), the
// counts the preview leads with, and the digest that ties a confirmation to
// the preview it confirms.
import { createHash, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { AdminScope } from "@/lib/organizations/admin-scope";
import { planAccounts } from "./plan-accounts";
import { planUnits } from "./plan-units";
import type { Snapshot } from "./snapshot";
import type { AccountPlan, Outcome, OutcomeCounts, Register, RegisterPlan, UnitPlan } from "./types";

export interface Planner {
  actor: Pick<Actor, "accountId">;
  scope: AdminScope;
  /** Ids for units and accounts to create (tests pass a counter). */
  newId?: () => string;
  /** Whether invitations also go out by e-mail (lib/notifications/notify.ts, mailConfigured). */
  mail?: boolean;
}

function count(rows: readonly { outcome: Outcome }[]): OutcomeCounts {
  const counts: OutcomeCounts = { new: 0, changed: 0, unchanged: 0, refused: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

/**
 * Each row's outcome, changes and reasons and what it would write, without
 * the ids made up for new rows (nor the notes, which inform and decide
 * nothing): planned twice against the same database, a register gives the
 * same digest; if anything it depends on changed meanwhile, it does not.
 */
function digestOf(register: Register, units: readonly UnitPlan[], accounts: readonly AccountPlan[]): string {
  const codeOf = new Map(units.flatMap((u) => (u.write ? [[u.write.id, u.code] as const] : [])));
  const stable = (id: string | null) => (id === null ? null : (codeOf.get(id) ?? id));
  const shown = (row: UnitPlan | AccountPlan) => [row.row, row.outcome, row.changes, row.reasons];
  return createHash("sha256")
    .update(
      JSON.stringify({
        files: register.files.map((f) => f.sha256),
        units: units.map((u) => [...shown(u), u.write && { ...u.write, id: null, parentId: stable(u.write.parentId) }]),
        accounts: accounts.map((a) => [
          ...shown(a),
          a.write && { ...a.write, id: a.write.create ? null : a.write.id, grants: a.write.grants.map((g) => [stable(g.organizationId), g.role]) },
        ]),
      }),
    )
    .digest("hex");
}

export function planRegister(register: Register, snapshot: Snapshot, planner: Planner): RegisterPlan {
  const newId = planner.newId ?? randomUUID;
  const { plans: units, units: plannedUnits } = planUnits(register.units, snapshot, planner.scope, newId);
  const accounts = planAccounts(register.accounts, snapshot, plannedUnits, planner.actor, planner.scope, newId, planner.mail ?? false);
  return {
    units,
    accounts,
    counts: { units: count(units), accounts: count(accounts) },
    digest: digestOf(register, units, accounts),
  };
}

/** The import applies only a register without refused rows: the register is then the region as it is. */
export function hasRefusals(plan: RegisterPlan): boolean {
  return plan.counts.units.refused > 0 || plan.counts.accounts.refused > 0;
}

export function hasChanges(plan: RegisterPlan): boolean {
  const { units, accounts } = plan.counts;
  return units.new + units.changed + accounts.new + accounts.changed > 0;
}
