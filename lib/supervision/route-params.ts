import { z } from "zod";
import { formatForYear } from "@/lib/report-format";
import type { RollupScope } from "./rollup";

const ZSupervisionParams = z.object({
  government: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100),
  year: z.string().regex(/^\d{4}$/).transform(Number).refine((year) => !!formatForYear(year)),
});

/** /workspace/supervision/<government>/<year>: null means 404. */
export function parseSupervisionParams(params: { government: string; year: string }) {
  const parsed = ZSupervisionParams.safeParse(params);
  return parsed.success ? parsed.data : null;
}

export function parseScope(value: string | string[] | undefined): RollupScope {
  return value === "townships" || value === "departments" ? value : "all";
}
