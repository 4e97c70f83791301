// The shapes of a region's register as it travels: read from the files (in
// a worker), kept with the upload, planned against the database, shown and
// applied. Plain data only, so it crosses a worker boundary and JSON.
import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";

export type RegisterTable = "units" | "accounts";

/** One row of the 单位 table, its cells as typed (trimmed). */
export interface UnitRecord {
  /** The row's number in its sheet, as the spreadsheet program shows it. */
  row: number;
  name: string;
  shortName: string;
  code: string;
  kind: string;
  parentCode: string;
  regionCode: string;
}

/** One row of the 账号 table. */
export interface AccountRecord {
  row: number;
  username: string;
  displayName: string;
  email: string;
  unitCode: string;
  roles: string;
}

export interface RegisterFile {
  name: string;
  sha256: string;
  tables: RegisterTable[];
}

export interface Register {
  files: RegisterFile[];
  units: UnitRecord[];
  accounts: AccountRecord[];
  /** What the reader left aside and says so: columns it does not know, note rows. */
  notes: string[];
}

export type Outcome = "new" | "changed" | "unchanged" | "refused";

export interface UnitWrite {
  id: string;
  create: boolean;
  /** Levels above it in the tree as it will be: parents are written first. */
  depth: number;
  slug: string;
  code: string;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  parentId: string | null;
  regionCode: string | null;
  /** For a change: what it was (the audit row's before). */
  before?: { name: string; shortName: string; parentId: string | null; regionCode: string | null };
}

export interface UnitPlan {
  row: number;
  code: string;
  name: string;
  outcome: Outcome;
  /** 名称：A → B, 上级：X → Y, … */
  changes: string[];
  reasons: string[];
  notes: string[];
  write?: UnitWrite;
}

export interface AccountWrite {
  id: string;
  create: boolean;
  username: string;
  displayName: string;
  email: string | null;
  grants: { organizationId: string; role: Role }[];
  before?: { displayName: string; email: string | null };
}

export interface AccountPlan {
  row: number;
  username: string;
  displayName: string;
  outcome: Outcome;
  changes: string[];
  reasons: string[];
  notes: string[];
  write?: AccountWrite;
}

export type OutcomeCounts = Record<Outcome, number>;

export interface RegisterPlan {
  units: UnitPlan[];
  accounts: AccountPlan[];
  counts: { units: OutcomeCounts; accounts: OutcomeCounts };
  /** SHA-256 of what the plan shows and would write (not of generated ids): the preview's identity. */
  digest: string;
}
