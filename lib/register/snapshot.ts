// What the database holds that a register's plan depends on, as plain data:
// the units the file names (by code or 行政区划代码) with every unit above
// them, the accounts it names with their roles' units, and which of the
// slugs new units would take are taken. The planner is pure over this, so
// its rules are tested without a database (tests/unit/register-plan.test.ts).
import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";

export interface KnownUnit {
  id: string;
  slug: string;
  code: string | null;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  parentId: string | null;
  ancestorIds: string[];
  regionCode: string | null;
}

export interface KnownAccount {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  isSystemAdmin: boolean;
  isAuditor: boolean;
  disabled: boolean;
  roles: { role: Role; organizationId: string }[];
}

export interface Snapshot {
  units: KnownUnit[];
  accounts: KnownAccount[];
  /** Of the candidate slugs (slugCandidates), those already used. */
  takenSlugs: string[];
}

/** Tries at a readable slug per new unit; the first free one is taken. */
const SLUG_TRIES = 5;

/**
 * A new unit's URL segment (/reports/<slug>/<year>): readable, stable and
 * unique. Without pinyin, a government is named by its 行政区划代码
 * (r-341103) and any other unit by the end of its code — the 组织机构代码
 * and check character, unique in the country (u-003250123d).
 */
export function slugCandidates(code: string, regionCode: string | null): string[] {
  const base = regionCode ? `r-${regionCode}` : `u-${code.replace(/[^0-9A-Za-z]/g, "").slice(-10).toLowerCase()}`;
  return Array.from({ length: SLUG_TRIES }, (_, i) => (i === 0 ? base : `${base}-${i + 1}`));
}
