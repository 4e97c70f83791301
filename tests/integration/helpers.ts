import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db/client";

export const databaseUrl = () => inject("databaseUrl");

export function testPrisma() {
  return createPrismaClient(databaseUrl());
}

/** A slug no other test uses. */
export function uniqueSlug(prefix = "org"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}
