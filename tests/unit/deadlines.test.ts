import { describe, expect, it } from "vitest";
import { currentReportYear, daysUntil, publicationDeadline, todayInChina } from "@/lib/report-format";

describe("deadlines (条例第四十九条)", () => {
  it("are 31 January for departments and townships, 31 March for the county government", () => {
    expect(publicationDeadline("DEPARTMENT", 2025)).toBe("2026-01-31");
    expect(publicationDeadline("TOWNSHIP", 2025)).toBe("2026-01-31");
    expect(publicationDeadline("COUNTY_GOVERNMENT", 2025)).toBe("2026-03-31");
  });

  it("the report being prepared is last year's until its deadline, then this year's", () => {
    expect(currentReportYear("TOWNSHIP", "2026-01-31")).toBe(2025);
    expect(currentReportYear("TOWNSHIP", "2026-02-01")).toBe(2026);
    expect(currentReportYear("COUNTY_GOVERNMENT", "2026-03-01")).toBe(2025);
    expect(currentReportYear("TOWNSHIP", "2026-11-25")).toBe(2026);
  });

  it("counts days in China time", () => {
    expect(daysUntil("2027-01-31", "2026-11-25")).toBe(67);
    expect(daysUntil("2026-01-31", "2026-02-02")).toBe(-2);
    expect(todayInChina(new Date("2026-11-25T17:00:00Z"))).toBe("2026-11-26");
  });
});

describe("deadlines by level (条例第四十九条)", () => {
  it("a government of county level and above publishes by 3月31日, its departments and the townships by 1月31日", () => {
    for (const kind of ["PROVINCE_GOVERNMENT", "CITY_GOVERNMENT", "COUNTY_GOVERNMENT"] as const) expect(publicationDeadline(kind, 2025)).toBe("2026-03-31");
    for (const kind of ["DEPARTMENT", "TOWNSHIP"] as const) expect(publicationDeadline(kind, 2025)).toBe("2026-01-31");
  });
});
