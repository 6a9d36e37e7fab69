// Opening web software (docs/SECURITY.md, decision 018) takes a seat, may start the one-time trial
// and is audited, so another site must not make a signed-in browser do it. A link on another site
// leads to a confirmation; the license mail's own link and My software still open at once (R21,
// R23); one browser holds at most one seat per license however often it asks.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "../support/demo";
import { uniqueEmail } from "../support/identity";
import { openMailLink } from "../support/mail";
import { seedWebFloating } from "../support/web-launch";

test.describe.configure({ timeout: 90_000 });

const STAND_IN = /\/apps\/profis-engineering\/workspace/;

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Opens `href` the way another site's page would: a page on evil.example with a link the user follows. */
async function followLinkFromAnotherSite(page: Page, href: string): Promise<void> {
  await page.route("http://evil.example/**", (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><title>Gratis</title><a id="lure" href="${href}">Klik hier</a>` }),
  );
  await page.goto("http://evil.example/");
  await page.locator("#lure").click();
}

test("a link on another site does not take the seat: the user is asked, and only the confirmation opens the software", async ({
  browser,
  baseURL,
}) => {
  const [firstEmail, secondEmail] = [uniqueEmail("lokker"), uniqueEmail("lokker-twee")];
  seedWebFloating(firstEmail, secondEmail);
  const victim = await signedInPage(browser, firstEmail);
  await followLinkFromAnotherSite(victim, `${baseURL}/launch/profis-engineering`);
  await expect(victim).toHaveURL(/\/launch\/profis-engineering\/open$/);
  await expect(victim.getByRole("heading", { level: 1, name: "PROFIS Engineering openen?" })).toBeVisible();

  // The one seat is still free: the colleague gets it.
  const colleague = await signedInPage(browser, secondEmail);
  await colleague.goto("/launch/profis-engineering");
  await expect(colleague).toHaveURL(STAND_IN);
  await colleague.getByRole("button", { name: "Uitloggen" }).click();
  await expect(colleague.getByText("U bent uitgelogd. Uw plaats is vrij voor een collega.")).toBeVisible();

  await victim.getByRole("link", { name: "PROFIS Engineering openen" }).click();
  await expect(victim).toHaveURL(STAND_IN);
  await victim.context().close();
  await colleague.context().close();
});

test("an image or a form posting to /launch from another site takes nothing", async ({ browser, baseURL }) => {
  const [firstEmail, secondEmail] = [uniqueEmail("post"), uniqueEmail("post-twee")];
  seedWebFloating(firstEmail, secondEmail);
  const victim = await signedInPage(browser, firstEmail);
  await victim.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>x</title><img src="${baseURL}/launch/profis-engineering"><form id="f" method="post" action="${baseURL}/launch/profis-engineering"></form><script>setTimeout(() => document.getElementById("f").submit(), 300)</script>`,
    }),
  );
  const posted = victim.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/launch/profis-engineering",
  );
  await victim.goto("http://evil.example/");
  // /launch answers GET only; the cross-site POST carries no session cookie either (SameSite=Lax).
  expect((await posted).status()).toBe(405);
  await expect(victim).not.toHaveURL(STAND_IN);

  const colleague = await signedInPage(browser, secondEmail);
  await colleague.goto("/launch/profis-engineering");
  await expect(colleague).toHaveURL(STAND_IN);
  await victim.context().close();
  await colleague.context().close();
});

test("the license mail's link opens the software at once for its recipient, and only for them", async ({ browser, baseURL }) => {
  const [firstEmail, secondEmail] = [uniqueEmail("mail"), uniqueEmail("mail-twee")];
  seedWebFloating(firstEmail, secondEmail);
  const reader = await signedInPage(browser, firstEmail);
  const mailedPath = await openMailLink(reader, firstEmail, "/launch/profis-engineering", "for");
  await followLinkFromAnotherSite(reader, `${baseURL}${mailedPath}`);
  await expect(reader).toHaveURL(STAND_IN);

  // The same link forwarded to a colleague who is signed in as themselves asks first.
  const forwarded = await signedInPage(browser, secondEmail);
  await followLinkFromAnotherSite(forwarded, `${baseURL}${mailedPath}`);
  await expect(forwarded).toHaveURL(/\/launch\/profis-engineering\/open$/);
  await reader.context().close();
  await forwarded.context().close();
});

test("one browser holds one seat per license however often it opens the software, even without the cookies /launch sets", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const [firstEmail, secondEmail] = [uniqueEmail("hamster"), uniqueEmail("hamster-twee")];
  seedWebFloating(firstEmail, secondEmail, 2);
  const hoarder = await signedInPage(browser, firstEmail);
  // A script with only the portal's session cookie opens the software again and again.
  const sessionCookie = (await hoarder.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: `${sessionCookie.name}=${sessionCookie.value}`, "Sec-Fetch-Site": "none" },
  });
  for (let attempt = 0; attempt < 4; attempt++) {
    const answer = await script.get("/launch/profis-engineering", { maxRedirects: 0 });
    expect(answer.headers().location ?? "").toContain("launch_token=");
  }
  // Two seats: the hoarder's browser holds one, so the colleague still gets the other.
  const colleague = await signedInPage(browser, secondEmail);
  await colleague.goto("/launch/profis-engineering");
  await expect(colleague).toHaveURL(STAND_IN);
  await script.dispose();
  await hoarder.context().close();
  await colleague.context().close();
});

test("authorization: a stranger asking for the confirmation page or a launch is sent to sign in, and nothing is opened", async ({
  request,
}) => {
  for (const path of ["/launch/profis-engineering/open", "/launch/profis-engineering"]) {
    const answer = await request.get(path, { maxRedirects: 0, headers: { "Sec-Fetch-Site": "cross-site" } });
    expect([303, 307]).toContain(answer.status());
    expect(answer.headers().location).toMatch(/\/sign-in/);
  }
});
