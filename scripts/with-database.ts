// Usage: tsx scripts/with-database.ts [--migrate] [-- command args…]
// Runs the command with DATABASE_URL pointing at the app's database (the
// embedded server when DATABASE_URL is unset), migrating first if asked.
import { appEnv, prepareAppDatabase, run } from "./lib";

const separator = process.argv.indexOf("--");
const own = separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator);
const command = separator === -1 ? [] : process.argv.slice(separator + 1);

const { url, server } = await prepareAppDatabase({ migrate: own.includes("--migrate") });
let code = 0;
if (command.length > 0) {
  const [bin, ...args] = command as [string, ...string[]];
  const port = process.env.PORT ?? "3000";
  code = await run(bin === "next" ? "node_modules/.bin/next" : bin, args, appEnv(url, port));
}
await server.stop();
process.exit(code);
