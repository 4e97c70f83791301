// The tree of government: 省 → 设区的市 → 县 → 乡镇（街道）, with departments under
// any government above the township. Everything that asks "what is under
// this government" or "who is over this unit" asks here. The database keeps
// each unit's ancestors (organization.ancestor_ids, root first) and refuses
// cycles; this module says which placements are lawful and reads subtrees.
import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";

export const GOVERNMENT_KINDS = ["PROVINCE_GOVERNMENT", "CITY_GOVERNMENT", "COUNTY_GOVERNMENT"] as const satisfies readonly OrganizationKind[];
export type GovernmentKind = (typeof GOVERNMENT_KINDS)[number];

/** A 人民政府 at county level or above: it has departments and governments below it, and a 主管部门. */
export function isGovernment(kind: OrganizationKind): kind is GovernmentKind {
  return (GOVERNMENT_KINDS as readonly OrganizationKind[]).includes(kind);
}

/** What may sit directly above a unit of each kind; an empty list means a root. */
export const PARENT_KINDS: Readonly<Record<OrganizationKind, readonly OrganizationKind[]>> = {
  PROVINCE_GOVERNMENT: [],
  // A 设区的市 under its province; an installation may also start at a city.
  CITY_GOVERNMENT: ["PROVINCE_GOVERNMENT"],
  // 县、县级市、市辖区 under their city, or directly under the province (省直管县).
  COUNTY_GOVERNMENT: ["CITY_GOVERNMENT", "PROVINCE_GOVERNMENT"],
  TOWNSHIP: ["COUNTY_GOVERNMENT"],
  DEPARTMENT: GOVERNMENT_KINDS,
};

/** Kinds that may be a root of the tree (an installation may start at any government). */
export const ROOT_KINDS: readonly OrganizationKind[] = GOVERNMENT_KINDS;

export const PARENT_MESSAGES = {
  "needs-parent": "乡镇须隶属于县级人民政府，部门须隶属于同级人民政府",
  "wrong-parent": "上级单位的类别不对：乡镇（街道）隶属于县级人民政府，部门隶属于同级人民政府，县隶属于设区的市或省，设区的市隶属于省",
  cycle: "不能把单位移到它自己或它的下级单位之下",
} as const;
export type ParentProblem = keyof typeof PARENT_MESSAGES;

/** Why a unit of `kind` cannot sit under `parent` (null for none), or null when it can. */
export function parentProblem(
  unit: { id?: string; kind: OrganizationKind },
  parent: { id: string; kind: OrganizationKind; ancestorIds: readonly string[] } | null,
): ParentProblem | null {
  if (!parent) return ROOT_KINDS.includes(unit.kind) ? null : "needs-parent";
  if (!PARENT_KINDS[unit.kind].includes(parent.kind)) return "wrong-parent";
  if (unit.id && (parent.id === unit.id || parent.ancestorIds.includes(unit.id))) return "cycle";
  return null;
}

export interface TreeNode {
  id: string;
  ancestorIds: readonly string[];
}

/** The unit and everything above it, nearest first. */
export function selfAndAncestors(unit: TreeNode): string[] {
  return [unit.id, ...[...unit.ancestorIds].reverse()];
}

/** Whether `unit` is `rootId` or lies under it. */
export function isWithin(unit: TreeNode, rootId: string): boolean {
  return unit.id === rootId || unit.ancestorIds.includes(rootId);
}

/** Prisma condition: the units `rootIds` and every unit under any of them. */
export function subtreeWhere(rootIds: readonly string[]) {
  return { OR: [{ id: { in: [...rootIds] } }, { ancestorIds: { hasSome: [...rootIds] } }] };
}

/** The organizations on which the actor holds `role`: the roots of what that role covers. */
export function rootsOf(actor: Pick<Actor, "roles">, role: Role): string[] {
  return [...new Set(actor.roles.filter((r) => r.role === role).map((r) => r.organizationId))];
}

/** Whether the actor holds `role` on the unit or on any unit above it. */
export function holdsOver(actor: Pick<Actor, "roles">, unit: TreeNode, role: Role): boolean {
  const roots = new Set(rootsOf(actor, role));
  return selfAndAncestors(unit).some((id) => roots.has(id));
}

/** 主管部门 of the unit or of any government above it (条例: supervised level by level). */
export function supervises(actor: Pick<Actor, "roles">, unit: TreeNode): boolean {
  return holdsOver(actor, unit, "SUPERVISOR");
}

/** A system administrator, or a regional administrator of the unit or a government above it. */
export function administers(actor: Pick<Actor, "roles" | "isSystemAdmin">, unit: TreeNode): boolean {
  return actor.isSystemAdmin || holdsOver(actor, unit, "ADMINISTRATOR");
}

/**
 * Where a unit under `governmentId` appears on that government's board: the
 * unit itself when it is the government or hangs directly under it, else the
 * government's child on the unit's path (a city on the province's board).
 */
export function childOnPath(unit: TreeNode, governmentId: string): string {
  if (unit.id === governmentId) return unit.id;
  const at = unit.ancestorIds.indexOf(governmentId);
  return unit.ancestorIds[at + 1] ?? unit.id;
}
