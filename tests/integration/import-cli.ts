// Runs `npm run import -- …` as an office does: the real command, against the run's test database.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { databaseUrl } from "./helpers";

export const root = path.resolve(__dirname, "../..");

export async function runImportCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/import-report.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl() } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A file in a fresh temporary folder, named as the office named it. */
export function fixtureFile(name: string, content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "nianbao-import-")), name);
  writeFileSync(file, content);
  return file;
}
