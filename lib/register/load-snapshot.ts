// Reads what a register's plan depends on (snapshot.ts) in a handful of
// queries whatever the file's length: the units it names by code or 行政区划代码,
// then every unit above those and above the units its accounts work in, the
// accounts it names, and which slugs new units would take are taken.
import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeCode } from "./columns";
import { slugCandidates, type KnownUnit, type Snapshot } from "./snapshot";
import type { Register } from "./types";

type Reader = PrismaClient | Prisma.TransactionClient;

const UNIT_FIELDS = {
  id: true,
  slug: true,
  code: true,
  name: true,
  shortName: true,
  kind: true,
  parentId: true,
  ancestorIds: true,
  regionCode: true,
} as const;

export async function loadSnapshot(prisma: Reader, register: Register): Promise<Snapshot> {
  const codes = new Set<string>();
  for (const unit of register.units) codes.add(normalizeCode(unit.code)).add(normalizeCode(unit.parentCode));
  for (const account of register.accounts) codes.add(normalizeCode(account.unitCode));
  codes.delete("");
  const regions = [...new Set(register.units.map((u) => normalizeCode(u.regionCode)).filter((r) => r !== ""))];
  const usernames = [...new Set(register.accounts.map((a) => a.username.trim().toLowerCase()).filter((u) => u !== ""))];

  const units = new Map<string, KnownUnit>();
  const named = await prisma.organization.findMany({
    where: { OR: [{ code: { in: [...codes] } }, { regionCode: { in: regions } }] },
    select: UNIT_FIELDS,
  });
  for (const unit of named) units.set(unit.id, unit);
  const accounts = await prisma.account.findMany({
    where: { username: { in: usernames } },
    select: {
      id: true,
      username: true,
      displayName: true,
      email: true,
      isSystemAdmin: true,
      isAuditor: true,
      disabled: true,
      roles: { select: { role: true, organizationId: true } },
    },
  });

  // Up the tree until every unit above a loaded one is loaded too (the tree is a few levels deep).
  let wanted = [...named.flatMap((u) => u.ancestorIds), ...accounts.flatMap((a) => a.roles.map((r) => r.organizationId))];
  while (wanted.some((id) => !units.has(id))) {
    const more = await prisma.organization.findMany({ where: { id: { in: [...new Set(wanted.filter((id) => !units.has(id)))] } }, select: UNIT_FIELDS });
    for (const unit of more) units.set(unit.id, unit);
    wanted = more.flatMap((u) => u.ancestorIds);
    if (more.length === 0) break;
  }

  const knownCodes = new Set(named.map((u) => u.code));
  const candidates = register.units
    .filter((u) => !knownCodes.has(normalizeCode(u.code)))
    .flatMap((u) => slugCandidates(normalizeCode(u.code), normalizeCode(u.regionCode) || null));
  const taken = await prisma.organization.findMany({ where: { slug: { in: candidates } }, select: { slug: true } });
  return { units: [...units.values()], accounts, takenSlugs: taken.map((t) => t.slug) };
}
