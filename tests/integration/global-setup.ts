// One fresh database per test run, on DATABASE_URL's server or the embedded
// one, migrated by the project's own step. Dropped afterwards.
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { assertLocalDatabase } from "../assert-local-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await resolveDatabase();
  assertLocalDatabase(server.url);
  const url = withDatabaseName(server.url, `nianbao_test_${process.pid}_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  await migrate(url);
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(url);
    await server.stop();
  };
}
