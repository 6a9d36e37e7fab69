// Account pre-hijack through registration (docs/SECURITY.md, decision 017). A stranger registers an
// address they do not own (an added colleague's, or one nobody has yet) with a password of their
// choosing; the owner of the mailbox then clicks the genuine "Account activeren" mail in their own
// browser. The stranger's password must never become the account's: without the registering
// browser, the activation page asks the owner for a password of their own. Registering an existing
// address changes nothing about it. The honest registrant's same-browser flow stays one click (R9,
// R10).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "../support/demo";
import { addDemoContact, registerIdentity, uniqueEmail } from "../support/identity";
import { openMailLink } from "../support/mail";

const STRANGER_PASSWORD = "the stranger's own passphrase";
const OWNER_PASSWORD = "the colleague's chosen passphrase";

function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL" });
}

/** Registers `email` through the Dutch form in the given browser; the form answers "check your email". */
async function registerIn(
  context: BrowserContext,
  email: string,
  password: string,
  names: { first: string; last: string },
  language: "nl" | "en" = "nl",
): Promise<void> {
  const page = await context.newPage();
  await page.goto("/register");
  if (language === "en") {
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("button", { name: "Register now" })).toBeVisible();
  }
  const text =
    language === "en"
      ? {
          email: "Email address",
          password: "Password",
          first: "First name",
          last: "Last name",
          terms: "I accept the terms of use",
          submit: "Register now",
          done: "Check your email",
        }
      : {
          email: "E-mailadres",
          password: "Wachtwoord",
          first: "Voornaam",
          last: "Achternaam",
          terms: "Ik accepteer de gebruiksvoorwaarden",
          submit: "Nu registreren",
          done: "Controleer uw e-mail",
        };
  await page.getByLabel(text.email).fill(email);
  await page.getByLabel(text.password).fill(password);
  await page.getByLabel(text.first).fill(names.first);
  await page.getByLabel(text.last).fill(names.last);
  await page.getByLabel(text.terms).check();
  await page.getByRole("button", { name: text.submit }).click();
  await expect(page.getByRole("heading", { name: text.done })).toBeVisible();
  await page.close();
}

/**
 * The owner of the mailbox opens the newest mail's "Account activeren" link in `context` and
 * activates. Where the page asks for a password (another browser than the registration's), the
 * owner chooses `ownPassword` and accepts the terms there.
 */
async function activateFromMail(
  context: BrowserContext,
  email: string,
  ownPassword: string | null,
  language: "nl" | "en" = "nl",
): Promise<{ askedForPassword: boolean }> {
  const text =
    language === "en"
      ? {
          activate: "Activate account",
          email: "Email address",
          password: "Choose a password",
          terms: "I accept the terms of use",
          termsMissing: "Accept the terms of use to activate your account.",
          done: "Your account is active",
        }
      : {
          activate: "Activeer account",
          email: "E-mailadres",
          password: "Kies een wachtwoord",
          terms: "Ik accepteer de gebruiksvoorwaarden",
          termsMissing: "Accepteer de gebruiksvoorwaarden om uw account te activeren.",
          done: "Uw account is geactiveerd",
        };
  const page = await context.newPage();
  const verifyPath = await openMailLink(page, email, "/verify-email");
  await page.goto(verifyPath);
  // The registering browser activates as the page opens (one click in the mail); any
  // other browser is asked for a password first.
  const done = page.getByRole("heading", { name: text.done });
  const passwordField = page.getByLabel(text.password);
  await expect(done.or(passwordField)).toBeVisible();
  const askedForPassword = await passwordField.isVisible();
  if (askedForPassword && ownPassword) {
    // R32: the form is accessible, and a submit without a password or the terms says what is missing.
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
    await expect(page.getByLabel(text.email)).toHaveValue(email);
    await page.getByRole("button", { name: text.activate }).click();
    await expect(passwordField).toHaveAttribute("aria-invalid", "true");
    await passwordField.fill(ownPassword);
    await page.getByRole("button", { name: text.activate }).click();
    await expect(page.getByText(text.termsMissing)).toBeVisible();
    await expect(page.getByRole("heading", { name: text.done })).toHaveCount(0);
    await page.getByLabel(text.terms).check();
  }
  if (askedForPassword) await page.getByRole("button", { name: text.activate }).click();
  await expect(done).toBeVisible();
  await page.close();
  return { askedForPassword };
}

async function apiSignIn(request: APIRequestContext, email: string, password: string): Promise<number> {
  const response = await request.post("/api/v1/sessions", { data: { email, password, client: "pre-hijack e2e" } });
  return response.status();
}

type UserRow = {
  firstName: string;
  lastName: string;
  language: string;
  termsVersion: string | null;
  termsAcceptedAt: Date | null;
  passwordHash: string | null;
  emailVerifiedAt: Date | null;
  sessionVersion: number;
};

async function userRow(email: string): Promise<UserRow> {
  const databaseUrl = test.info().project.metadata.databaseUrl as string;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<UserRow>(
      `SELECT "firstName", "lastName", "language"::text AS "language", "termsVersion", "termsAcceptedAt", "passwordHash", "emailVerifiedAt", "sessionVersion" FROM "User" WHERE "email" = $1`,
      [email],
    );
    expect(rows, `one user ${email}`).toHaveLength(1);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

test("a stranger registering an added colleague's address never gets in: the colleague chooses the password on activation", async ({
  browser,
  request,
}) => {
  const email = uniqueEmail("prehijack-contact");
  addDemoContact(email, "Femke", "Collega", "nl");

  const stranger = await newContext(browser);
  await registerIn(stranger, email, STRANGER_PASSWORD, { first: "Vreemde", last: "Indringer" });
  await stranger.close();
  // Before the mailbox is proven nobody gets in (the one who typed the password learns "not verified").
  expect([401, 403]).toContain(await apiSignIn(request, email, STRANGER_PASSWORD));

  // The colleague clicks the genuine mail in a browser of their own.
  const colleague = await newContext(browser);
  let activation: { askedForPassword: boolean };
  try {
    activation = await activateFromMail(colleague, email, OWNER_PASSWORD);
  } finally {
    await colleague.close();
  }
  expect(await apiSignIn(request, email, STRANGER_PASSWORD), "the stranger's password").toBe(401);
  expect(activation.askedForPassword, "the activation page asks the mailbox owner for a password").toBe(true);
  expect(await apiSignIn(request, email, OWNER_PASSWORD), "the colleague's own password").toBe(201);
  // Nothing the stranger typed landed on the colleague's account.
  expect(await userRow(email)).toMatchObject({ firstName: "Femke", lastName: "Collega", language: "nl" });
});

test("a stranger registering an address nobody has yet never gets in once the owner activates it", async ({ browser, request }) => {
  const email = uniqueEmail("prehijack-new");
  const stranger = await newContext(browser);
  await registerIn(stranger, email, STRANGER_PASSWORD, { first: "Vreemde", last: "Indringer" });
  await stranger.close();
  expect([401, 403]).toContain(await apiSignIn(request, email, STRANGER_PASSWORD));

  const owner = await newContext(browser);
  let activation: { askedForPassword: boolean };
  try {
    activation = await activateFromMail(owner, email, OWNER_PASSWORD);
  } finally {
    await owner.close();
  }
  expect(await apiSignIn(request, email, STRANGER_PASSWORD), "the stranger's password").toBe(401);
  expect(activation.askedForPassword, "the activation page asks the mailbox owner for a password").toBe(true);
  expect(await apiSignIn(request, email, OWNER_PASSWORD), "the owner's own password").toBe(201);
  expect(await userRow(email)).toMatchObject({ firstName: "", lastName: "" });
});

test("registering an existing address, activated or not, changes nothing about it", async ({ browser, request }) => {
  const contact = uniqueEmail("prehijack-keep-contact");
  addDemoContact(contact, "Sanne", "Bestaand", "nl");
  const registered = uniqueEmail("prehijack-keep-registered");
  registerIdentity(registered, "Ruud", "Geregistreerd");
  const before = { contact: await userRow(contact), registered: await userRow(registered) };

  const stranger = await newContext(browser);
  try {
    await registerIn(stranger, contact, STRANGER_PASSWORD, { first: "Vreemde", last: "Indringer" }, "en");
    await registerIn(stranger, registered, STRANGER_PASSWORD, { first: "Vreemde", last: "Indringer" }, "en");
  } finally {
    await stranger.close();
  }
  expect(await userRow(contact), "the added colleague's row").toEqual(before.contact);
  expect(await userRow(registered), "the registered person's row").toEqual(before.registered);
  expect(await apiSignIn(request, registered, STRANGER_PASSWORD)).toBe(401);
  expect(await apiSignIn(request, registered, DEMO_PASSWORD)).toBe(201);
});

test("the honest registrant activates in the same browser with one click, with the password typed at registration", async ({
  browser,
  request,
}) => {
  const email = uniqueEmail("prehijack-honest");
  addDemoContact(email, "Joost", "Eerlijk", "nl");
  const own = await newContext(browser);
  try {
    await registerIn(own, email, OWNER_PASSWORD, { first: "Joost", last: "Eerlijk" }, "en");
    const { askedForPassword } = await activateFromMail(own, email, null, "en");
    expect(askedForPassword, "one click in the registering browser").toBe(false);
  } finally {
    await own.close();
  }
  expect(await apiSignIn(request, email, OWNER_PASSWORD)).toBe(201);
  // The registration's language and terms apply once the mailbox is proven from that browser.
  expect(await userRow(email)).toMatchObject({ language: "en", termsVersion: expect.any(String) });
});
