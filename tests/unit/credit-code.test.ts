// GB 32100-2015: a 统一社会信用代码's check character catches a mistyped
// character. Real codes verify; the same codes with one character changed do not.
import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter, organizationCodeCheckCharacter, regionOfCreditCode, unitCodeProblem } from "@/lib/organizations/credit-code";
import { demoCounty, demoUnits } from "@/lib/demo/demo-organizations";
import { demoHistoryUnits } from "@/lib/demo/demo-history";

/** Published codes: the standard's own example, and two enterprises' as printed on their licences. */
const REAL = ["91350100M000100Y43", "914403001922038216", "91110000802100433B"];

describe("统一社会信用代码", () => {
  it("verifies real codes", () => {
    for (const code of REAL) expect(unitCodeProblem(code), code).toBeNull();
  });

  it("catches every single-character change in them, and a swap of neighbours", () => {
    const characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (const code of REAL) {
      for (let at = 0; at < 18; at += 1) {
        for (const other of characters) {
          if (other === code[at]) continue;
          const altered = code.slice(0, at) + other + code.slice(at + 1);
          expect(unitCodeProblem(altered), altered).toBe("check");
        }
      }
    }
    expect(unitCodeProblem("91350100M000100Y34")).toBe("check");
  });

  it("tells a malformed code from a mistyped one", () => {
    expect(unitCodeProblem("91350100M000100Y4")).toBe("format");
    expect(unitCodeProblem("91350100I000100Y43")).toBe("format");
    expect(unitCodeProblem("91350100m000100y43")).toBe("format");
    expect(creditCodeCheckCharacter("91350100M000100Y4")).toBe("3");
  });

  it("verifies the older 组织机构代码, with or without its hyphen", () => {
    // The embedded 组织机构代码 of the standard's example (M000100Y4) carries its own GB 11714 check character.
    expect(organizationCodeCheckCharacter("M000100Y")).toBe("4");
    expect(unitCodeProblem("M000100Y4")).toBeNull();
    expect(unitCodeProblem("M000100Y-4")).toBeNull();
    expect(unitCodeProblem("M000100Y5")).toBe("check");
  });

  it("reads the 行政区划代码 out of a code", () => {
    expect(regionOfCreditCode("91350100M000100Y43")).toBe("350100");
  });

  it("every demo unit's code verifies", () => {
    for (const unit of [demoCounty, ...demoUnits, ...demoHistoryUnits]) expect(unitCodeProblem(unit.code), unit.name).toBeNull();
  });
});

describe("a unit's code as the administrator types it", () => {
  const input = { organizationId: "00000000-0000-4000-8000-000000000000", publisher: "REVIEWER" };
  it("is taken verified, upper-cased, or left empty; a mistyped one is refused with the reason", async () => {
    const { ZUpdateOrganizationSettingsInput } = await import("@/lib/organizations/schemas");
    expect(ZUpdateOrganizationSettingsInput.parse({ ...input, code: " 91350100m000100y43 " }).code).toBe("91350100M000100Y43");
    expect(ZUpdateOrganizationSettingsInput.parse({ ...input, code: "" }).code).toBeNull();
    const mistyped = ZUpdateOrganizationSettingsInput.safeParse({ ...input, code: "91350100M000100Y44" });
    expect(mistyped.error?.issues[0]?.message).toBe("代码的校验位不正确，请核对是否有字符输错");
  });
});

describe("the flag beside a stored code", () => {
  it("says when there is none, or when it does not verify, and is silent otherwise", async () => {
    const { unitCodeFlag } = await import("@/lib/organizations/credit-code");
    expect(unitCodeFlag(null)).toMatch(/^未填统一社会信用代码/);
    expect(unitCodeFlag("11341122003250123X")).toBe("代码的校验位不正确，请核对是否有字符输错");
    expect(unitCodeFlag("11341122003250123D")).toBeNull();
  });
});
