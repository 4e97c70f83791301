// `prisma generate` needs no schema engine, but the CLI looks for one first and
// tries to download it from a host these machines cannot reach. Naming any
// existing executable satisfies the check; a real engine, if configured, wins.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
