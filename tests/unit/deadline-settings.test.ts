// A unit's deadline comes from the nearest government up the tree that sets
// one for its kind (条例第四十九条 otherwise): a county's date for its
// townships beats the city's, a city's override for one year beats a
// province's every-year date, and a farther override never beats a nearer
// every-year date.
import { describe, expect, it } from "vitest";
import { effectiveSchedule } from "@/lib/deadlines/deadline-settings";
import { publicationDeadline, type DeadlineSchedule } from "@/lib/report-format";

const none: DeadlineSchedule = { defaults: {}, overrides: {} };

describe("the deadline that applies to a unit (nearest setting up the tree)", () => {
  it("is the national one when no government sets anything", () => {
    const schedule = effectiveSchedule([none, none, undefined]);
    expect(publicationDeadline("TOWNSHIP", 2025, schedule)).toBe("2026-01-31");
    expect(publicationDeadline("COUNTY_GOVERNMENT", 2025, schedule)).toBe("2026-03-31");
  });

  it("takes the nearest government's every-year date", () => {
    const county: DeadlineSchedule = { defaults: { TOWNSHIP: "02-20" }, overrides: {} };
    const city: DeadlineSchedule = { defaults: { TOWNSHIP: "01-25", DEPARTMENT: "01-20" }, overrides: {} };
    const schedule = effectiveSchedule([county, city]);
    expect(publicationDeadline("TOWNSHIP", 2025, schedule)).toBe("2026-02-20");
    // The county sets nothing for departments: the city's date reaches them.
    expect(publicationDeadline("DEPARTMENT", 2025, schedule)).toBe("2026-01-20");
  });

  it("lets a nearer one-year override beat a farther every-year date, and the reverse not", () => {
    const city: DeadlineSchedule = { defaults: {}, overrides: { "TOWNSHIP:2025": "2026-02-10" } };
    const province: DeadlineSchedule = { defaults: { TOWNSHIP: "01-15" }, overrides: { "TOWNSHIP:2024": "2025-02-28" } };
    const schedule = effectiveSchedule([none, city, province]);
    expect(publicationDeadline("TOWNSHIP", 2025, schedule)).toBe("2026-02-10");
    expect(publicationDeadline("TOWNSHIP", 2026, schedule)).toBe("2027-01-15");
    expect(publicationDeadline("TOWNSHIP", 2024, schedule)).toBe("2025-02-28");

    const county: DeadlineSchedule = { defaults: { TOWNSHIP: "02-01" }, overrides: {} };
    // The county decides townships every year: the province's 2024 override does not reach past it.
    expect(publicationDeadline("TOWNSHIP", 2024, effectiveSchedule([county, city, province]))).toBe("2025-02-01");
  });
});
