// The public addresses of a region, and the answer to the old county ones.
import { describe, expect, it } from "vitest";
import { compareCsvPath, comparePath, movedPermanently, parseRegionSlug, parseRegionYear, regionPath, regionSearchPath } from "@/lib/regions/paths";
import { inPortalGroup, PORTAL_GROUPS } from "@/lib/regions/portal-groups";

describe("region addresses", () => {
  it("are built in one place", () => {
    expect(regionPath("chuzhou")).toBe("/regions/chuzhou");
    expect(regionPath("chuzhou", 2023)).toBe("/regions/chuzhou/2023");
    expect(comparePath("chuzhou", 2023)).toBe("/regions/chuzhou/2023/compare");
    expect(compareCsvPath("chuzhou", 2023)).toBe("/regions/chuzhou/2023/compare.csv");
    expect(regionSearchPath("chuzhou")).toBe("/search?region=chuzhou");
  });

  it("accept a slug and a four-digit report year, nothing else", () => {
    expect(parseRegionYear({ region: "laian", year: "2023" })).toEqual({ region: "laian", year: 2023 });
    for (const [region, year] of [["laian", "23"], ["laian", "2023.csv"], ["laian", "1999"], ["Laian", "2023"], ["laian-", "2023"], ["a/b", "2023"], ["x\r\nSet-Cookie: a=1", "2023"]]) {
      expect(parseRegionYear({ region: region!, year: year! }), `${region} ${year}`).toBeNull();
    }
    expect(parseRegionSlug("laian-leiguan")).toBe("laian-leiguan");
    expect(parseRegionSlug("")).toBeNull();
  });

  it("a moved address answers 308 with a relative Location that keeps the query string", () => {
    const response = movedPermanently(new Request("http://127.0.0.1:3000/counties/laian/2023?sort=2&dir=asc"), "/regions/laian/2023/compare");
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/regions/laian/2023/compare?sort=2&dir=asc");
    expect(movedPermanently(new Request("http://localhost/counties/laian/2023"), "/x").headers.get("location")).toBe("/x");
  });
});

describe("the portal's groups", () => {
  it("put the government's own report first, then townships, then departments", () => {
    const group = (unit: { slug: string; kind: "COUNTY_GOVERNMENT" | "TOWNSHIP" | "DEPARTMENT" | "CITY_GOVERNMENT" }) =>
      PORTAL_GROUPS.find((g) => inPortalGroup(g, unit, "laian"))?.label;
    expect(group({ slug: "laian", kind: "COUNTY_GOVERNMENT" })).toBe("政府年度报告");
    expect(group({ slug: "laian-leiguan", kind: "TOWNSHIP" })).toBe("乡镇信息公开年度报告");
    expect(group({ slug: "laian-caizheng", kind: "DEPARTMENT" })).toBe("部门信息公开年度报告");
    // A government below is not one of this government's own units.
    expect(group({ slug: "chuzhou", kind: "CITY_GOVERNMENT" })).toBeUndefined();
  });
});
