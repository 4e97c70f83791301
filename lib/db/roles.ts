// The two database roles (prisma/migrations/20261201200000_runtime_role):
// the owner runs the migrations; the app runs as nianbao_app, which may
// append to history but not change it. A deployment gives both URLs
// (MIGRATION_DATABASE_URL, DATABASE_URL). The demo, the embedded server and
// the tests own their server, so they let nianbao_app log in themselves and
// run the app as it — what is tested is what is deployed.
import pg from "pg";
import { databaseEnv } from "@/lib/env";

export const APP_ROLE = "nianbao_app";

/** The runtime role's password where this project sets it itself (a local or embedded server). */
function localPassword(): string {
  return databaseEnv().NIANBAO_APP_PASSWORD;
}

/**
 * Lets the runtime role log in (the migrations created it) and returns the
 * URL of the same database as that role. Needs an owner URL with the right to
 * alter roles: a superuser on a server this project runs itself.
 */
export async function runtimeRoleUrl(ownerUrl: string): Promise<string> {
  const password = localPassword();
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}
