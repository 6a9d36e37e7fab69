// Sessions end on the server (docs/SECURITY.md, decision 018). An attacker who copied a session
// cookie keeps nothing once its owner signs out (or signs out everywhere); a web seat's heartbeat
// stops with the session; a launch token opens the web application once, not again from a copy of
// the URL.
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { decodeJwt } from "jose";
import { signIn, userMenuButton } from "../support/demo";
import { uniqueEmail } from "../support/identity";
import { seedWebFloating } from "../support/web-launch";

test.describe.configure({ timeout: 90_000 });

async function signedInContext(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** The attacker's copy: a fresh client that sends the stolen cookies as they were. */
async function copiedSession(
  playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } },
  context: BrowserContext,
  baseURL: string,
) {
  const cookies = await context.cookies();
  const header = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: header }, maxRedirects: 0 });
}

/** Whether a client is treated as signed in: the portal page answers, not a redirect to sign-in. */
async function isSignedIn(client: APIRequestContext): Promise<boolean> {
  const response = await client.get("/my-software", { maxRedirects: 0 });
  return response.status() === 200;
}

/** What next-auth's own session endpoint tells this client about itself. */
async function nextAuthSession(client: APIRequestContext): Promise<Record<string, unknown>> {
  const response = await client.get("/api/auth/session");
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** The launch token /launch hands this browser, read from the redirect without following it. */
async function launchToken(client: APIRequestContext): Promise<string> {
  const response = await client.get("/launch/profis-engineering", { maxRedirects: 0, headers: { "Sec-Fetch-Site": "same-origin" } });
  expect(response.status()).toBe(307);
  const token = new URL(response.headers().location!).searchParams.get("launch_token");
  expect(token).toBeTruthy();
  return token!;
}

test("a copied session cookie stops working when its owner signs out", async ({ browser, playwright, baseURL }) => {
  const email = uniqueEmail("kopie");
  seedWebFloating(email, uniqueEmail("kopie-twee"));
  const { context, page } = await signedInContext(browser, email);
  const stolen = await copiedSession(playwright, context, baseURL!);
  expect(await isSignedIn(stolen)).toBe(true);
  expect(await nextAuthSession(stolen)).toHaveProperty("sessionId");

  await userMenuButton(page).click();
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await isSignedIn(stolen)).toBe(false);
  // next-auth's own endpoint says signed out too, without the copy's user or session ids.
  const afterSignOut = await nextAuthSession(stolen);
  expect(afterSignOut).not.toHaveProperty("userId");
  expect(afterSignOut).not.toHaveProperty("sessionId");
  await stolen.dispose();
  await context.close();
});

test("sign out everywhere ends a copied cookie and the web seat its browser holds: the heartbeat answers 401 and a colleague gets the seat", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const [firstEmail, secondEmail] = [uniqueEmail("overal"), uniqueEmail("overal-twee")];
  seedWebFloating(firstEmail, secondEmail);
  const { context, page } = await signedInContext(browser, firstEmail);
  const stolen = await copiedSession(playwright, context, baseURL!);
  const claims = decodeJwt(await launchToken(stolen)) as { lease?: { id: string }; browserSessionId: string };
  const seat = { leaseId: claims.lease!.id, browserSessionId: claims.browserSessionId };
  expect((await stolen.post("/api/v1/web-sessions/heartbeat", { data: seat })).status()).toBe(200);

  await page.goto("/profile");
  await page.getByRole("button", { name: "Overal afmelden" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  expect(await isSignedIn(stolen)).toBe(false);
  const heartbeat = await stolen.post("/api/v1/web-sessions/heartbeat", { data: seat });
  expect(heartbeat.status()).toBe(401);
  expect(((await heartbeat.json()) as { code: string }).code).toBe("UNAUTHENTICATED");
  const colleague = await signedInContext(browser, secondEmail);
  await colleague.page.goto("/launch/profis-engineering");
  await expect(colleague.page).toHaveURL(/\/apps\/profis-engineering\/workspace/);
  await stolen.dispose();
  await context.close();
  await colleague.context.close();
});

test("a launch token opens the web application once: the same URL in another browser starts nothing", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const email = uniqueEmail("eenmalig");
  seedWebFloating(email, uniqueEmail("eenmalig-twee"));
  const { context } = await signedInContext(browser, email);
  const client = await copiedSession(playwright, context, baseURL!);
  const token = await launchToken(client);

  const victim = await context.newPage();
  await victim.goto(`/apps/profis-engineering?launch_token=${token}`);
  await expect(victim.getByRole("heading", { level: 1, name: /Welkom/ })).toBeVisible();

  const attacker = await browser.newContext({ locale: "nl-NL" });
  const replay = await attacker.newPage();
  await replay.goto(`/apps/profis-engineering?launch_token=${token}`);
  await expect(replay).toHaveURL(/error=launch/);
  await expect(replay.getByRole("heading", { level: 1, name: /Welkom/ })).toHaveCount(0);
  await attacker.close();
  await client.dispose();
  await context.close();
});

test("the web application's session ends when its user signs out of the portal", async ({ browser }) => {
  const email = uniqueEmail("uitlog");
  seedWebFloating(email, uniqueEmail("uitlog-twee"));
  const { context, page } = await signedInContext(browser, email);
  await page.goto("/launch/profis-engineering");
  await expect(page.getByRole("heading", { level: 1, name: /Welkom/ })).toBeVisible();
  const portal = await context.newPage();
  await portal.goto("/my-software");
  await userMenuButton(portal).click();
  await portal.getByRole("button", { name: "Uitloggen" }).click();
  await expect(portal).toHaveURL(/\/sign-in/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: /Welkom/ })).toHaveCount(0);
  await context.close();
});
