// Open redirect (docs/SECURITY.md): safeRedirectPath keeps a request's redirect target only when a
// browser would stay on the portal's origin with it. Classic payloads, then properties over
// arbitrary strings.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { safeRedirectPath, safeRedirectUrl } from "@/lib/http/safe-redirect";

const BASE = "https://portal.example:8443";

/** Where a browser goes with this Location on a page of the portal (tabs and newlines dropped, \ read as /). */
function browserTarget(location: string): URL {
  return new URL(location, `${BASE}/sign-in`);
}

describe("safeRedirectPath", () => {
  test.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "https://evil.example",
    "http://portal.example:8443/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://portal.example:8443@evil.example/",
    "https://user:pass@portal.example:8443/",
    "",
    "x".repeat(3000),
  ])("%j falls back to the start page", (target) => {
    expect(safeRedirectPath(target, BASE)).toBe("/");
  });

  test.each([
    ["/my-software", "/my-software"],
    ["/launch/profis-engineering", "/launch/profis-engineering"],
    ["/my-software?tab=web#top", "/my-software?tab=web#top"],
    ["https://portal.example:8443/profile", "/profile"],
    ["%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/a b", "/a%20b"],
    // Relative to the portal, as a browser reads them: harmless.
    ["https:evil.example", "/evil.example"],
    ["/\u0000/evil.example", "/%00/evil.example"],
  ])("%j stays as %j", (target, expected) => {
    expect(safeRedirectPath(target, BASE)).toBe(expected);
  });

  test("anything but a string falls back, to a chosen page if given", () => {
    expect(safeRedirectPath(undefined, BASE)).toBe("/");
    expect(safeRedirectPath(["/a", "/b"], BASE, "/my-software")).toBe("/my-software");
  });

  test("property: whatever the input, the result is a header-safe path a browser keeps on the portal", () => {
    const fragments = fc.constantFrom(
      "/",
      "//",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      ".",
      "..",
      "@",
      ":",
      "%2F",
      "%09",
      "evil.example",
      "https:",
      "javascript:",
      "?",
      "#",
      "\u0000",
      "\u3002",
    );
    const hostile = fc.array(fc.oneof(fragments, fc.string()), { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string(), fc.webUrl(), fc.webPath()), (target) => {
        const path = safeRedirectPath(target, BASE);
        expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
        expect(path).not.toMatch(/[\u0000-\u001f\u007f ]/);
        expect(browserTarget(path).origin).toBe(new URL(BASE).origin);
      }),
      { numRuns: 2000 },
    );
  });

  test("property: a path of the portal survives unchanged in where it leads", () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (path, query) => {
        const target = `/${path.replace(/^\/+/, "")}${query ? `?${query}` : ""}`;
        fc.pre(!browserTarget(target).pathname.startsWith("//"));
        expect(browserTarget(safeRedirectPath(target, BASE)).href).toBe(browserTarget(target).href);
      }),
    );
  });
});

test("safeRedirectUrl answers an absolute URL on the portal's origin", () => {
  expect(safeRedirectUrl("/my-software", BASE)).toBe("https://portal.example:8443/my-software");
  expect(safeRedirectUrl("/\t/evil.example", BASE)).toBe("https://portal.example:8443/");
});
