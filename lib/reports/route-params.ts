import { z } from "zod";

const ZReportParams = z.object({
  organization: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100),
  year: z.coerce.number().int().min(2008).max(2200),
});

/** Validates /reports/<organization>/<year> segments; null means 404. */
export function parseReportParams(params: { organization: string; year: string }) {
  if (!/^\d{4}$/.test(params.year)) return null;
  const parsed = ZReportParams.safeParse(params);
  return parsed.success ? parsed.data : null;
}
