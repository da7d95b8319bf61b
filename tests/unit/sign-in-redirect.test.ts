// Issue 11, item 3: the page a user is sent to after sign-in is one of the portal's, whatever the
// `next` parameter holds.
import { describe, expect, it } from "vitest";
import { AFTER_SIGN_IN, pathAfterSignIn } from "@/lib/auth/redirect";

describe("the page after sign-in", () => {
  it("is the page asked for when it is a page of the portal", () => {
    expect(pathAfterSignIn("/danh-gia/12")).toBe("/danh-gia/12");
    expect(pathAfterSignIn("/xep-hang?index=PAR_INDEX&year=2023#bang")).toBe("/xep-hang?index=PAR_INDEX&year=2023#bang");
  });

  it("is the home page for any target a browser would resolve to another site", () => {
    for (const next of [
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "\\\\evil.example",
      "//evil.example",
      "/.//evil.example",
      "https://evil.example/trang-chu",
      "javascript:alert(1)",
      "evil.example",
      "",
    ]) {
      expect(pathAfterSignIn(next), JSON.stringify(next)).toBe(AFTER_SIGN_IN);
    }
  });
});
