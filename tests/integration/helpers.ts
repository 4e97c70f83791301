import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { validateSession } from "@/lib/auth/sessions";

/** The test database as the app connects to it: the runtime role. */
export const databaseUrl = () => inject("databaseUrl");
/** The same database as the owner that ran the migrations. */
export const ownerDatabaseUrl = () => inject("ownerDatabaseUrl");

/** A Prisma client as the owner: to show that the triggers hold even for it. */
export function ownerPrisma() {
  return createPrismaClient(ownerDatabaseUrl());
}

export function testPrisma() {
  return createPrismaClient(databaseUrl());
}

/** A slug no other test uses. */
export function uniqueSlug(prefix = "org"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}


export const TEST_PASSWORD = "Test-password-1";
let cachedHash: Promise<string> | undefined;

/** A county with two townships, each with its own slug. */
export async function createCountyWithTownships(prisma: PrismaClient) {
  const county = await prisma.organization.create({
    data: { slug: uniqueSlug("county"), name: "测试县人民政府", shortName: "测试县", kind: "COUNTY_GOVERNMENT" },
  });
  const township = (name: string) =>
    prisma.organization.create({
      data: { slug: uniqueSlug("town"), name: `测试县${name}人民政府`, shortName: name, kind: "TOWNSHIP", parentId: county.id },
    });
  return { county, townA: await township("甲镇"), townB: await township("乙镇") };
}

/** An account with the given roles, signed in: the Actor the app would see. */
export async function signedInActor(
  prisma: PrismaClient,
  roles: { organizationId: string; role: Role }[],
  options: { isSystemAdmin?: boolean; isAuditor?: boolean } = {},
): Promise<Actor> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = uniqueSlug("user");
  await prisma.account.create({
    data: {
      username,
      displayName: username,
      passwordHash: await cachedHash,
      isSystemAdmin: options.isSystemAdmin ?? false,
      isAuditor: options.isAuditor ?? false,
      roles: { createMany: { data: roles } },
    },
  });
  const result = await signInWithPassword(prisma, { username, password: TEST_PASSWORD });
  if (!result.ok) throw new Error(`could not sign in ${username}`);
  const actor = await validateSession(prisma, result.sessionId);
  if (!actor) throw new Error("no session");
  return actor;
}
