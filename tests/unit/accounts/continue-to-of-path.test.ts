// The sign-in page's Register link keeps the software a signed-out visitor was on
// the way to, read from the callbackUrl; anything else registers without a target.
import { expect, test } from "vitest";
import { continueToOfPath } from "@/lib/accounts/continue-to";

test("a license mail's launch link or a download page names its product", () => {
  expect(continueToOfPath("/launch/profis-engineering?for=AAAAAAAAAAAAAAAAAAAAAA")).toBe("PROFIS_ENGINEERING");
  expect(continueToOfPath("/launch/profis-engineering")).toBe("PROFIS_ENGINEERING");
  expect(continueToOfPath("/downloads/profis-layout-office")).toBe("PROFIS_LAYOUT_OFFICE");
});

test("other pages, unknown products and look-alikes name none", () => {
  for (const path of [
    "/",
    "/software-management/0b6f5c1e",
    "/launch/unknown-product",
    "/launch/profis-engineering-x",
    "/launchx/profis-engineering",
    "//launch/profis-engineering",
    "/launch/PROFIS_ENGINEERING",
  ]) {
    expect(continueToOfPath(path), path).toBeNull();
  }
});
