// What an administrator manages. A system administrator (Account.isSystemAdmin)
// manages the whole installation; a regional administrator (the ADMINISTRATOR
// role on a government, 管理员（本地区）) manages the units of that
// government's subtree and the accounts that work only there. Every admin
// query and action asks here, so a city's administrator never reads or
// changes anything of another city.
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { isWithin, rootsOf, subtreeWhere, type TreeNode } from "./tree";

export type AdminScope = { all: true } | { all: false; roots: readonly string[] };

/** The actor's scope as an administrator, or null when it administers nothing. */
export function adminScope(actor: Pick<Actor, "isSystemAdmin" | "roles">): AdminScope | null {
  if (actor.isSystemAdmin) return { all: true };
  const roots = rootsOf(actor, "ADMINISTRATOR");
  return roots.length > 0 ? { all: false, roots } : null;
}

export function requireAdministrator(actorOrNull: Actor | null): { actor: Actor; scope: AdminScope } {
  const actor = requireActor(actorOrNull);
  const scope = adminScope(actor);
  if (!scope) throw new AppError("FORBIDDEN", "只有管理员可以管理机构和账号");
  return { actor, scope };
}

export function unitInScope(scope: AdminScope, unit: TreeNode): boolean {
  return scope.all || scope.roots.some((root) => isWithin(unit, root));
}

/** Prisma condition on organizations: the units the scope manages. */
export function unitsInScopeWhere(scope: AdminScope) {
  return scope.all ? {} : subtreeWhere(scope.roots);
}

export interface ScopedAccount {
  isSystemAdmin: boolean;
  isAuditor: boolean;
  roles: readonly { organization: TreeNode }[];
}

/**
 * A regional administrator manages an account that works only inside its
 * region: at least one role there and none outside. System administrators
 * and auditors are the system administrator's alone.
 */
export function accountInScope(scope: AdminScope, account: ScopedAccount): boolean {
  if (scope.all) return true;
  if (account.isSystemAdmin || account.isAuditor || account.roles.length === 0) return false;
  return account.roles.every((r) => unitInScope(scope, r.organization));
}

/** Prisma condition on accounts: those accountInScope admits (the same rule, for a query). */
export function accountsInScopeWhere(scope: AdminScope) {
  if (scope.all) return {};
  const inside = subtreeWhere(scope.roots);
  return {
    isSystemAdmin: false,
    isAuditor: false,
    roles: { some: { organization: inside }, every: { organization: inside } },
  };
}
