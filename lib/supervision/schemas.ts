import { z } from "zod";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { DeadlineChanges } from "@/lib/deadlines/deadline-settings";

const kinds = ["PROVINCE_GOVERNMENT", "CITY_GOVERNMENT", "COUNTY_GOVERNMENT", "TOWNSHIP", "DEPARTMENT"] as const satisfies readonly OrganizationKind[];
const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Empty means "the national default" / "no override for this year".
const monthDay = z
  .string()
  .trim()
  .refine((v) => {
    if (v === "") return true;
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(v);
    return !!m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= daysIn[Number(m[1]) - 1]!;
  }, "请按“月-日”填写，如 02-20（不能是 2 月 29 日）")
  .transform((v) => (v === "" ? null : v.split("-").map((n) => n.padStart(2, "0")).join("-")));

const date = z.string().trim().regex(/^(\d{4}-\d{2}-\d{2})?$/, "请选择日期").optional();

const fields = Object.fromEntries(kinds.flatMap((kind) => [[`default_${kind}`, monthDay.optional()], [`override_${kind}`, date]])) as Record<
  `default_${(typeof kinds)[number]}` | `override_${(typeof kinds)[number]}`,
  z.ZodOptional<typeof monthDay> | typeof date
>;

export const ZSaveDeadlinesInput = z
  .object({
    governmentSlug: z.string().min(1).max(100),
    year: z.coerce.number().int().min(2008).max(2200),
    ...fields,
  })
  .superRefine((input, ctx) => {
    for (const kind of kinds) {
      const due = (input as Record<string, unknown>)[`override_${kind}`];
      if (typeof due === "string" && due !== "" && !due.startsWith(`${input.year + 1}-`)) {
        ctx.addIssue({ code: "custom", path: [`override_${kind}`], message: `${input.year}年度报告的截止日期应在${input.year + 1}年内` });
      }
    }
  })
  .transform((input) => {
    const record = input as Record<string, unknown>;
    const changes: DeadlineChanges = { defaults: {}, overrides: {} };
    for (const kind of kinds) {
      const monthDayValue = record[`default_${kind}`];
      if (monthDayValue !== undefined) changes.defaults[kind] = monthDayValue as string | null;
      const due = record[`override_${kind}`];
      if (due !== undefined) changes.overrides[kind] = due === "" ? null : (due as string);
    }
    return { governmentSlug: input.governmentSlug, year: input.year, changes };
  });

/** 补录's second step for the files of one upload: each entry (null: the uploaded file itself) with the unit and year chosen for it. */
export const ZBackfillChoices = z
  .array(
    z.object({
      entry: z.string().min(1).max(1000).nullable(),
      unitId: z.string().regex(/^[0-9a-f-]{36}$/i),
      year: z.number().int(),
    }),
  )
  .min(1);
