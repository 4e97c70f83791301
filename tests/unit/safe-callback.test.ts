import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

describe("the after-sign-in destination", () => {
  it.each([
    ["/workspace/reports/abc?x=1#top", "/workspace/reports/abc?x=1#top"],
    ["/admin", "/admin"],
  ])("keeps the site path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each(["/.//evil.example", "/..//evil.example", "/%2e%2e//evil.example", "/./\\evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", undefined])(
    "refuses %j",
    (input) => {
      expect(safeCallbackPath(input)).toBe("/workspace");
    },
  );
});
