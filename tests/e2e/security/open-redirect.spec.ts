// Open redirect (docs/SECURITY.md): no redirect target taken from a request may lead off the
// portal's origin, and none may answer 5xx. `/sign-in?callbackUrl=%2F%09%2Fevil.example` used to
// answer `Location: /<TAB>/evil.example` (a browser reads `//evil.example`) and `%0A` a 500. Every
// classic payload is sent to each place that redirects: the signed-in sign-in page, next-auth's own
// endpoints (its redirect callback), and the sign-in form in a real browser.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, USER_EMAIL } from "../support/demo";

/** Query-string values, already percent-encoded as an attacker would put them in a link. */
const PAYLOADS = [
  "%2F%09%2Fevil.example",
  "%2F%0A%2Fevil.example",
  "%2F%0D%0A%2Fevil.example",
  "%2F%0D%2Fevil.example",
  "%09%2F%2Fevil.example",
  "%20%2F%2Fevil.example",
  "%2F%2Fevil.example",
  "%2F%2F%2Fevil.example",
  "%2F%5Cevil.example",
  "%5C%5Cevil.example",
  "%2F%5C%2Fevil.example",
  "%2F.%2F%2Fevil.example",
  "%2F..%2F%2Fevil.example",
  "https%3A%2F%2Fevil.example",
  "http%3A%2F%2Fevil.example%2F",
  "https%3Aevil.example",
  "%2F%2Fevil.example%2F%252e%252e",
  "javascript%3Aalert(1)",
  "JaVaScRiPt%3Aalert(document.domain)",
  "data%3Atext%2Fhtml%2C%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "%252F%252Fevil.example",
  "%2F%2509%2Fevil.example",
  "%5Ct%2Fevil.example",
  "https%3A%2F%2Flocalhost%40evil.example",
  "https%3A%2F%2F127.0.0.1%40evil.example%2F",
  "%2F%00%2Fevil.example",
  "%E3%80%82%2F%2Fevil.example",
  "evil.example",
  "%3A%2F%2Fevil.example",
];

/** The portal's own origins: the one the tests browse and APP_BASE_URL's (localhost on the same port). */
function ownOrigins(): Set<string> {
  const base = new URL(String(test.info().project.use.baseURL));
  return new Set([base.origin, `${base.protocol}//localhost:${base.port}`]);
}

function expectOnOwnOrigin(location: string | undefined, context: string): void {
  if (location === undefined) return;
  // Resolved the way a browser resolves a Location header (tabs and newlines dropped, \ read as /).
  const target = new URL(location, String(test.info().project.use.baseURL));
  expect(ownOrigins().has(target.origin), `${context}: Location ${JSON.stringify(location)} stays on the portal`).toBe(true);
}

/** Signs the request context in through next-auth's credentials endpoint, as the sign-in form does. */
async function signInOverHttp(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: USER_EMAIL, password: DEMO_PASSWORD, csrfToken, json: "true" },
  });
  expect(response.status()).toBe(200);
  expect((await (await request.get("/api/auth/session")).json()) as object).toHaveProperty("userId");
}

test("the signed-in sign-in page never redirects off the portal and never answers 5xx", async ({ request }) => {
  await signInOverHttp(request);
  for (const payload of PAYLOADS) {
    const response = await request.get(`/sign-in?callbackUrl=${payload}`, { maxRedirects: 0 });
    expect(response.status(), `/sign-in?callbackUrl=${payload}`).toBeLessThan(500);
    // Signed in, the page always sends the browser on: to the callbackUrl when it is the portal's.
    expect(response.headers()["location"], `/sign-in?callbackUrl=${payload}`).toBeDefined();
    expectOnOwnOrigin(response.headers()["location"], `/sign-in?callbackUrl=${payload}`);
  }
  // A path of the portal is still honoured.
  const kept = await request.get(`/sign-in?callbackUrl=${encodeURIComponent("/my-software?tab=web#top")}`, { maxRedirects: 0 });
  expect(kept.headers()["location"]).toBe("/my-software?tab=web#top");
});

test("next-auth's endpoints keep every callbackUrl on the portal (its redirect callback)", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const payload of PAYLOADS) {
    const callbackUrl = decodeURIComponent(payload);
    // A successful sign-in: next-auth answers where the browser should go next (its redirect callback).
    const signedIn = await request.post("/api/auth/callback/credentials", {
      form: { email: USER_EMAIL, password: DEMO_PASSWORD, csrfToken, callbackUrl, json: "true" },
      maxRedirects: 0,
    });
    expect(signedIn.status(), `callback with ${payload}`).toBeLessThan(500);
    if (signedIn.status() === 200) expectOnOwnOrigin(((await signedIn.json()) as { url?: string }).url, `callback with ${payload}`);
    const signInPage = await request.get(`/api/auth/signin?callbackUrl=${payload}`, { maxRedirects: 0 });
    expect(signInPage.status(), `/api/auth/signin?callbackUrl=${payload}`).toBeLessThan(500);
    const location = signInPage.headers()["location"];
    expectOnOwnOrigin(location, `/api/auth/signin?callbackUrl=${payload}`);
    // next-auth passes the callbackUrl on to the sign-in page: what it passes is the checked one.
    const passedOn = location ? new URL(location, String(test.info().project.use.baseURL)).searchParams.get("callbackUrl") : null;
    if (passedOn !== null) expectOnOwnOrigin(passedOn, `/api/auth/signin?callbackUrl=${payload} passes on`);
  }
});

test("signing in through the form with a hostile callbackUrl lands on the portal", async ({ page }) => {
  await page.context().route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => route.abort(),
  );
  for (const payload of ["%2F%09%2Fevil.example", "%2F%5Cevil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${payload}`);
    await page.getByLabel("E-mailadres").fill(USER_EMAIL);
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    expect(ownOrigins().has(new URL(page.url()).origin), `after sign-in with ${payload}: ${page.url()}`).toBe(true);
  }
});
