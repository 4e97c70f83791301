// 补录: a government's 主管部门 brings its units' past published reports in —
// several files or one .zip at once. Each file is matched to a unit and a
// year from its title (the supervisor may correct the match), then published
// as the unit's report of that year with its original date when the file
// carries one. Refused, file by file and with the reason, when a blocking
// rule fails, when the unit already has a report for that year (in review,
// published, being corrected, or a draft), or when the file cannot be read.
// A clerk's import never publishes: it is a draft that goes through review.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireSupervisedGovernment } from "./government-access";
import { ownUnits, readBackfillUpload, type BackfillFile, type BackfillUnit } from "./backfill-sources";

export type { BackfillFile } from "./backfill-sources";
export { backfillFile, backfillFiles, type BackfillChoice, type BackfillResult } from "./backfill-files";

export interface BackfillMatch {
  /** The file's name, or `archive.zip/entry.docx` for a file inside a zip. */
  name: string;
  title: string;
  unitId: string | null;
  year: number | null;
  /** Why the file cannot be back-filled as it is (unreadable, unmatched …); null when it can be tried. */
  problem: string | null;
  /** False when the file cannot be read at all: it is listed, never sent again. */
  readable: boolean;
}

/** The unit a title names: the longest name or short name of the government's own units found in it. */
function unitOfTitle(title: string, units: readonly BackfillUnit[]): BackfillUnit | null {
  const candidates = units.flatMap((unit) =>
    [unit.name, unit.shortName].filter((name) => name.length >= 2 && title.includes(name)).map((name) => ({ unit, length: name.length })),
  );
  candidates.sort((a, b) => b.length - a.length);
  const [best, second] = candidates;
  // Two units named equally well (a county and its 县政府办) is a guess: left to the supervisor.
  if (!best || (second && second.length === best.length && second.unit.id !== best.unit.id)) return null;
  return best.unit;
}

/** Step one: what each file is, as far as its title says. Nothing is written. */
export async function matchBackfillFiles(actor: Actor | null, governmentSlug: string, file: BackfillFile, prisma: PrismaClient): Promise<BackfillMatch[]> {
  const { government } = await requireSupervisedGovernment(actor, governmentSlug, prisma);
  const units = await ownUnits(prisma, government.id);
  const matches: BackfillMatch[] = [];
  for (const one of await readBackfillUpload(file, { year: null, only: null })) {
    if (!one.ok) {
      matches.push({ name: one.name, title: "", unitId: null, year: null, problem: one.message, readable: false });
      continue;
    }
    const { parsed, year } = one;
    const title = parsed?.title ?? "";
    const unit = unitOfTitle(title, units);
    const problem = !year ? "标题中没有年度，请选择年度" : !parsed ? `${year}年度没有可用的年度报告格式` : !unit ? "标题中的单位不是本级政府或其直属单位，请选择单位" : null;
    matches.push({ name: one.name, title, unitId: unit?.id ?? null, year, problem, readable: true });
  }
  return matches;
}

