// One fresh database per test run, on DATABASE_URL's server or the embedded
// one, migrated by the project's own step as the owner. The tests run as the
// app's runtime role (lib/db/roles.ts), as the app does. Dropped afterwards.
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { migrate } from "@/lib/db/migrate";
import { runtimeRoleUrl } from "@/lib/db/roles";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { assertLocalDatabase } from "../assert-local-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test database as the app's runtime role. */
    databaseUrl: string;
    /** The same database as its owner (migrations, schema checks). */
    ownerDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await resolveDatabase();
  assertLocalDatabase(server.url);
  const url = withDatabaseName(server.url, `nianbao_test_${process.pid}_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  await migrate(url);
  project.provide("databaseUrl", await runtimeRoleUrl(url));
  project.provide("ownerDatabaseUrl", url);
  return async () => {
    await dropDatabase(url);
    await server.stop();
  };
}
