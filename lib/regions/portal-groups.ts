// How portals arrange a government's reports (the 政府信息公开年报 column): the
// government's own, then its townships' (乡镇信息公开年度报告), then its
// departments' (部门信息公开年度报告). Safe to import anywhere.
import type { OrganizationKind } from "@/lib/generated/prisma/enums";

export const PORTAL_GROUPS = [
  { key: "own", label: "政府年度报告" },
  { key: "TOWNSHIP", label: "乡镇信息公开年度报告" },
  { key: "DEPARTMENT", label: "部门信息公开年度报告" },
] as const;

export type PortalGroup = (typeof PORTAL_GROUPS)[number];

/** Whether a unit listed under the government `governmentSlug` belongs in `group`. */
export function inPortalGroup(group: PortalGroup, unit: { slug: string; kind: OrganizationKind }, governmentSlug: string): boolean {
  return group.key === "own" ? unit.slug === governmentSlug : unit.kind === group.key;
}
