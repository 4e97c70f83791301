// The tree of government: which kind of unit may sit under which, cycles,
// subtrees read from a unit's ancestors, and who supervises or administers
// a unit from the roles they hold above it.
import { describe, expect, it } from "vitest";
import { administers, childOnPath, isWithin, parentProblem, selfAndAncestors, supervises } from "@/lib/organizations/tree";
import type { Actor } from "@/lib/auth/actor";

const province = { id: "p", kind: "PROVINCE_GOVERNMENT" as const, ancestorIds: [] as string[] };
const city = { id: "c", kind: "CITY_GOVERNMENT" as const, ancestorIds: ["p"] };
const county = { id: "k", kind: "COUNTY_GOVERNMENT" as const, ancestorIds: ["p", "c"] };
const neighbour = { id: "n", kind: "COUNTY_GOVERNMENT" as const, ancestorIds: ["p", "c"] };
const township = { id: "t", kind: "TOWNSHIP" as const, ancestorIds: ["p", "c", "k"] };
const department = { id: "d", kind: "DEPARTMENT" as const, ancestorIds: ["p", "c"] };

const actor = (roles: [string, "SUPERVISOR" | "ADMINISTRATOR" | "CLERK"][], isSystemAdmin = false): Pick<Actor, "roles" | "isSystemAdmin"> => ({
  isSystemAdmin,
  roles: roles.map(([organizationId, role]) => ({ organizationId, role })),
});

describe("placing a unit (tree rules)", () => {
  it("puts townships under a county, departments under any government above the township, governments under the level above", () => {
    expect(parentProblem({ kind: "TOWNSHIP" }, county)).toBeNull();
    expect(parentProblem({ kind: "TOWNSHIP" }, city)).toBe("wrong-parent");
    for (const parent of [province, city, county]) expect(parentProblem({ kind: "DEPARTMENT" }, parent)).toBeNull();
    expect(parentProblem({ kind: "DEPARTMENT" }, township)).toBe("wrong-parent");
    expect(parentProblem({ kind: "DEPARTMENT" }, department)).toBe("wrong-parent");
    expect(parentProblem({ kind: "COUNTY_GOVERNMENT" }, city)).toBeNull();
    expect(parentProblem({ kind: "COUNTY_GOVERNMENT" }, province)).toBeNull(); // 省直管县
    expect(parentProblem({ kind: "CITY_GOVERNMENT" }, province)).toBeNull();
    expect(parentProblem({ kind: "CITY_GOVERNMENT" }, county)).toBe("wrong-parent");
    expect(parentProblem({ kind: "PROVINCE_GOVERNMENT" }, province)).toBe("wrong-parent");
  });

  it("lets only governments be roots", () => {
    for (const kind of ["PROVINCE_GOVERNMENT", "CITY_GOVERNMENT", "COUNTY_GOVERNMENT"] as const) expect(parentProblem({ kind }, null)).toBeNull();
    expect(parentProblem({ kind: "TOWNSHIP" }, null)).toBe("needs-parent");
    expect(parentProblem({ kind: "DEPARTMENT" }, null)).toBe("needs-parent");
  });

  it("refuses a move under the unit itself or under one of its own units", () => {
    expect(parentProblem(city, { ...county, kind: "PROVINCE_GOVERNMENT" })).toBe("cycle"); // k's ancestors hold c
    expect(parentProblem(county, { id: "k", kind: "CITY_GOVERNMENT", ancestorIds: ["p"] })).toBe("cycle");
    expect(parentProblem(county, { id: "c2", kind: "CITY_GOVERNMENT", ancestorIds: ["p"] })).toBeNull();
  });
});

describe("subtrees", () => {
  it("reads a unit's place from its ancestors", () => {
    expect(selfAndAncestors(township)).toEqual(["t", "k", "c", "p"]);
    expect(isWithin(township, "c")).toBe(true);
    expect(isWithin(township, "n")).toBe(false);
    expect(isWithin(county, "k")).toBe(true);
  });

  it("places each unit on a board: the government's own units as themselves, deeper ones under the government below", () => {
    expect(childOnPath(township, "p")).toBe("c");
    expect(childOnPath(township, "c")).toBe("k");
    expect(childOnPath(township, "k")).toBe("t");
    expect(childOnPath(department, "c")).toBe("d");
    expect(childOnPath(city, "c")).toBe("c");
  });
});

describe("who supervises and administers a unit", () => {
  it("the 主管部门 of a government supervises everything under it, and nothing beside it", () => {
    const provinceOffice = actor([["p", "SUPERVISOR"]]);
    const cityOffice = actor([["c", "SUPERVISOR"]]);
    const countyOffice = actor([["k", "SUPERVISOR"]]);
    for (const unit of [province, city, county, neighbour, township, department]) expect(supervises(provinceOffice, unit)).toBe(true);
    expect(supervises(cityOffice, province)).toBe(false);
    expect([county, neighbour, township, department].every((u) => supervises(cityOffice, u))).toBe(true);
    expect(supervises(countyOffice, township)).toBe(true);
    expect(supervises(countyOffice, neighbour)).toBe(false);
    expect(supervises(countyOffice, city)).toBe(false);
    // A clerk's role is no 主管部门's.
    expect(supervises(actor([["k", "CLERK"]]), township)).toBe(false);
  });

  it("a regional administrator administers its subtree; a system administrator all", () => {
    expect(administers(actor([["k", "ADMINISTRATOR"]]), township)).toBe(true);
    expect(administers(actor([["k", "ADMINISTRATOR"]]), neighbour)).toBe(false);
    expect(administers(actor([["k", "SUPERVISOR"]]), township)).toBe(false);
    expect(administers(actor([], true), neighbour)).toBe(true);
  });
});
