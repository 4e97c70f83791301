import { describe, expect, it } from "vitest";
import { dueReports, type UnitReportFacts } from "@/lib/deadlines/due-reports";

const report = (year: number, status: UnitReportFacts["status"], extra: Partial<UnitReportFacts> = {}): UnitReportFacts => ({
  id: `r${year}`,
  year,
  status,
  everPublished: status === "PUBLISHED",
  returned: false,
  ...extra,
});

describe("the reports a unit owes", () => {
  it("on 2 December 2026, a township whose 2023 is published owes 2024 and 2025, the older first; 2026 has not ended", () => {
    const due = dueReports({ kind: "TOWNSHIP" }, [report(2020, "PUBLISHED"), report(2023, "PUBLISHED")], "2026-12-02");
    expect(due.map((d) => [d.year, d.state, d.deadline, d.daysLeft])).toEqual([
      [2024, "NOT_STARTED", "2025-01-31", -670],
      [2025, "NOT_STARTED", "2026-01-31", -305],
    ]);
  });

  it("says where each stands: in progress, returned, awaiting review, approved but unpublished", () => {
    const due = dueReports(
      { kind: "TOWNSHIP" },
      [report(2022, "PUBLISHED"), report(2023, "DRAFT", { returned: true }), report(2024, "SUBMITTED"), report(2025, "APPROVED")],
      "2026-12-02",
    );
    expect(due.map((d) => [d.year, d.state])).toEqual([
      [2023, "RETURNED"],
      [2024, "SUBMITTED"],
      [2025, "APPROVED"],
    ]);
  });

  it("a published report under correction is not owed; a draft started for an old year is", () => {
    const due = dueReports({ kind: "TOWNSHIP" }, [report(2019, "DRAFT"), report(2025, "DRAFT", { everPublished: true })], "2026-12-02");
    expect(due.map((d) => d.year)).toEqual([2019]);
  });

  it("a unit with nothing yet owes last year's report, by the county's own date", () => {
    const schedule = { defaults: { TOWNSHIP: "02-15" }, overrides: {} };
    const due = dueReports({ kind: "TOWNSHIP" }, [], "2027-01-10", schedule);
    expect(due).toEqual([{ year: 2026, deadline: "2027-02-15", daysLeft: 36, state: "NOT_STARTED", reportId: null }]);
  });

  it("a draft of the year that has not ended is never presented as due", () => {
    expect(dueReports({ kind: "TOWNSHIP" }, [report(2025, "PUBLISHED"), report(2026, "DRAFT")], "2026-12-02")).toEqual([]);
  });
});
