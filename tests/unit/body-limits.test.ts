// The Server Action limit the front server enforces is Next.js's own, and the
// largest report a clerk may write (every field at its maximum) fits in it: a
// save is refused field by field, never by the size of the request. So does
// the largest 催报 (MAX_REMIND_UNITS units).
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/http/body-limits";
import { formatCells, format2021 } from "@/lib/report-format";
import { MAX_LINE_LENGTH, MAX_SECTION_LENGTH } from "@/lib/report-format/field-checks";
import { textParts } from "@/lib/report-format/sections";
import { MAX_REMIND_UNITS, ZRemindUnitsInput } from "@/lib/supervision/remind-units";

// Plain JavaScript without types: read as the data it is.
const configPath: string = "@/next.config.mjs";
const { default: nextConfig } = (await import(configPath)) as { default: { experimental?: { serverActions?: { bodySizeLimit?: string } } } };

describe("request body limits", () => {
  it("is Next.js's own Server Action limit, which next.config.mjs leaves at its default of 1 MB", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBeUndefined();
    expect(ACTION_BODY_LIMIT_BYTES).toBe(1024 * 1024);
  });

  it("holds a save of the largest report the fields allow, as the editor sends it", () => {
    // Three bytes to a character, the most any character allowed in a field takes (a quote or a line break takes two).
    const text = (length: number) => "政".repeat(length);
    const content = {
      title: text(MAX_LINE_LENGTH),
      signatureLine: text(MAX_LINE_LENGTH),
      signedOn: "2025-01-20",
      sections: Object.fromEntries(textParts(format2021).map((part) => [part.key, text(MAX_SECTION_LENGTH)])),
      cells: Object.fromEntries(formatCells(format2021).map((cell) => [cell.key, "9,999,999.99"])),
    };
    const body = JSON.stringify([{ reportId: "00000000-0000-0000-0000-000000000000", baseVersion: 1, content }]);
    expect(Buffer.byteLength(body)).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  });

  it("holds a 催报 of as many units as one may name, with the longest message, as the board's form sends it", () => {
    const input = {
      governmentSlug: "x".repeat(100),
      year: 2025,
      organizationIds: Array.from({ length: MAX_REMIND_UNITS }, () => crypto.randomUUID()),
      message: "政".repeat(500),
    };
    expect(ZRemindUnitsInput.safeParse(input).success).toBe(true);
    expect(ZRemindUnitsInput.safeParse({ ...input, organizationIds: [...input.organizationIds, crypto.randomUUID()] }).success).toBe(false);
    expect(Buffer.byteLength(JSON.stringify([input]))).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  });
});
