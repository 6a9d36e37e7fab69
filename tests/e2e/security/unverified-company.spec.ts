// Self-made companies (docs/SECURITY.md): anyone can make a company by buying on
// invoice and is its admin. In such a company (not verified, decision 016) "Gebruiker toevoegen"
// must not tell whether an address has an account, must not add anyone at once, must not show or
// overwrite their names; the person joins by accepting an invitation. Additions and orders are rate
// limited. Driven over HTTP and in the browser as the self-made company's admin would.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { captureServerAction, type CapturedAction } from "../support/backoffice";
import { signIn } from "../support/demo";
import { registerIdentity, uniqueEmail } from "../support/identity";
import { openMailLink } from "../support/mail";
import { seedSelfMadeCompany } from "../support/security-companies";
import { fillBillingAddress, queryDatabase } from "../support/shop";

/** Submits "Gebruiker toevoegen" in the browser, as the admin does. */
async function submitAddUser(page: Page, groupId: string, email: string): Promise<void> {
  await page.goto(`/software-management/${groupId}/add-user`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Opslaan" }).click();
}

/** The add-user action's answer over HTTP for `email`, the address taken out. */
async function addUserAnswer(page: Page, action: CapturedAction, capturedEmail: string, email: string): Promise<string> {
  const response = await page.request.post(action.url, { headers: action.headers, data: action.body.replace(capturedEmail, email) });
  expect(response.status()).toBe(200);
  // What differs between any two renders is taken out too: the CSP nonce, React's random keys of
  // the metadata boundaries, and the order in which streamed rows arrive.
  return (await response.text())
    .replaceAll(email, "<email>")
    .replace(/"nonce":"[^"]+"/g, '"nonce":"<nonce>"')
    .replace(/"[A-Za-z0-9_-]{21,23}"/g, '"<key>"')
    .split("\n")
    .sort()
    .join("\n");
}

const isMember = async (email: string, companyId: string) =>
  (
    await queryDatabase(`SELECT 1 FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE u."email" = $1 AND m."companyId" = $2`, [
      email,
      companyId,
    ])
  ).length > 0;

test("a self-made company's admin learns only 'invitation sent', for an existing account and a new address alike; nobody joins until they accept", async ({
  page,
  browser,
}) => {
  const buyer = uniqueEmail("self-made");
  const company = seedSelfMadeCompany(buyer);
  const existing = uniqueEmail("has-account");
  const lastName = `Bestaand${randomBytes(3).toString("hex")}`;
  registerIdentity(existing, "Echte", lastName);
  const unknown = uniqueEmail("no-account");
  // A second pair for the HTTP comparison, so each person gets one mail.
  const [existingOverHttp, unknownOverHttp] = [uniqueEmail("has-account"), uniqueEmail("no-account")];
  registerIdentity(existingOverHttp, "Andere", lastName);
  await signIn(page, buyer);

  // In the browser: the same notice for both, and no contact form for the unknown address.
  await submitAddUser(page, company.groupId, existing);
  await expect(page.getByRole("status").filter({ hasText: `Uitnodiging verstuurd naar ${existing}.` })).toBeVisible();
  await expect(page).toHaveURL(/\/add-user$/);
  await submitAddUser(page, company.groupId, unknown);
  await expect(page.getByRole("status").filter({ hasText: `Uitnodiging verstuurd naar ${unknown}.` })).toBeVisible();
  await expect(page.getByLabel("Aanhef")).toHaveCount(0);
  // Over HTTP: byte for byte the same answer (the address aside).
  await page.getByLabel("E-mailadres").fill("captured@e2e.example");
  const action = await captureServerAction(page, () => page.getByRole("button", { name: "Opslaan" }).click());
  const answerForExisting = await addUserAnswer(page, action, "captured@e2e.example", existingOverHttp);
  const answerForUnknown = await addUserAnswer(page, action, "captured@e2e.example", unknownOverHttp);
  expect(answerForExisting).toContain('"status":"INVITED"');
  expect(answerForUnknown).toBe(answerForExisting);
  expect(answerForExisting).not.toContain(lastName);

  // Not a member, not in the grid, the account's name shown nowhere and unchanged.
  for (const email of [existing, existingOverHttp]) expect(await isMember(email, company.companyId)).toBe(false);
  expect(await queryDatabase(`SELECT 1 FROM "User" WHERE "email" = ANY($1)`, [[unknown, unknownOverHttp]])).toHaveLength(0);
  await page.goto(`/software-management/${company.groupId}`);
  await expect(page.getByRole("grid")).toBeVisible();
  await expect(page.getByRole("grid")).not.toContainText(lastName);
  await page.goto("/software-management/audit");
  await expect(page.getByRole("main")).not.toContainText(lastName);
  expect(await queryDatabase(`SELECT "firstName", "lastName" FROM "User" WHERE "email" = $1`, [existing])).toEqual([
    { firstName: "Echte", lastName },
  ]);

  // The person accepts, signed in with the invited address; only then are they a user.
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  const joinPath = await openMailLink(inviteePage, existing, "/join");
  await inviteePage.goto(joinPath);
  await expect(inviteePage).toHaveURL(/\/sign-in\?callbackUrl=/);
  await inviteePage.getByLabel("E-mailadres").fill(existing);
  await inviteePage.getByLabel("Wachtwoord").fill("Demo-Password-2026");
  await inviteePage.getByRole("button", { name: "Aanmelden" }).click();
  await expect(inviteePage.getByRole("heading", { level: 1, name: /Uitnodiging voor E2E Eigen Bedrijf/ })).toBeVisible();
  expect(await isMember(existing, company.companyId)).toBe(false);
  await inviteePage.getByRole("button", { name: "Uitnodiging aannemen" }).click();
  await expect(inviteePage).toHaveURL(/\/my-software$/);
  expect(await isMember(existing, company.companyId)).toBe(true);
  await invitee.close();
});

test("someone else signed in cannot accept an invitation sent to another address", async ({ page, browser }) => {
  const buyer = uniqueEmail("self-made");
  const company = seedSelfMadeCompany(buyer);
  const invited = uniqueEmail("invited");
  registerIdentity(invited, "Uitgenodigd", "Persoon");
  await signIn(page, buyer);
  await submitAddUser(page, company.groupId, invited);
  const joinPath = await openMailLink(page, invited, "/join");

  const thief = uniqueEmail("thief");
  registerIdentity(thief, "Niet", "Uitgenodigd");
  const context = await browser.newContext();
  const thiefPage = await context.newPage();
  await signIn(thiefPage, thief);
  await thiefPage.goto(joinPath);
  await expect(thiefPage.getByRole("alert").filter({ hasText: "Deze uitnodiging is voor een ander e-mailadres." })).toBeVisible();
  await expect(thiefPage.getByRole("button", { name: "Uitnodiging aannemen" })).toHaveCount(0);
  expect(await isMember(thief, company.companyId)).toBe(false);
  await context.close();
});

test("a self-made company's admin is stopped after 20 additions a day (RATE_LIMITED, translated)", async ({ page }) => {
  const buyer = uniqueEmail("self-made");
  const company = seedSelfMadeCompany(buyer);
  await signIn(page, buyer);
  await page.goto(`/software-management/${company.groupId}/add-user`);
  const first = uniqueEmail("spam");
  await page.getByLabel("E-mailadres").fill(first);
  const action = await captureServerAction(page, () => page.getByRole("button", { name: "Opslaan" }).click());
  const answers: string[] = [];
  for (let index = 0; index < 21; index++) {
    const response = await page.request.post(action.url, {
      headers: action.headers,
      data: action.body.replace(first, `spam-${index}-${first}`),
    });
    expect(response.status()).toBe(200);
    answers.push(await response.text());
  }
  expect(answers.slice(0, 20).every((answer) => answer.includes('"status":"INVITED"'))).toBe(true);
  expect(answers[20]).toContain('"code":"RATE_LIMITED"');
  expect(answers[20]).toContain("Te veel pogingen");
  expect(await queryDatabase(`SELECT 1 FROM "MembershipInvitation" WHERE "companyId" = $1`, [company.companyId])).toHaveLength(20);
});

test("orders for new companies are limited per buyer: the sixth checkout of a day is refused and writes nothing", async ({ page }) => {
  const buyer = uniqueEmail("buyer");
  registerIdentity(buyer, "Veel", "Besteller");
  await signIn(page, buyer);
  await page.goto("/shop/checkout?kind=NEW_LICENSE&product=PROFIS_ENGINEERING&edition=STANDARD&type=NAMED_USER&seats=1");
  const form = page.getByRole("form", { name: "Afrekenen" });
  await page.getByLabel("Bedrijfsnaam").fill(`Spam ${randomBytes(3).toString("hex")}`);
  await page.getByLabel("Land").selectOption("NL");
  await fillBillingAddress(page);
  const idempotencyKey = await form.locator("input[name=idempotencyKey]").inputValue();
  const action = await captureServerAction(page, () => page.getByRole("button", { name: "Bestelling plaatsen" }).click());
  const answers: string[] = [];
  for (let index = 0; index < 6; index++) {
    const response = await page.request.post(action.url, {
      headers: action.headers,
      data: action.body.replace(idempotencyKey, `${idempotencyKey}-${index}`),
    });
    answers.push(await response.text());
  }
  expect(answers.slice(0, 5).every((answer) => answer.includes('"status":"PLACED"'))).toBe(true);
  expect(answers[5]).toContain('"code":"RATE_LIMITED"');
  const [row] = await queryDatabase<{ count: string }>(
    `SELECT count(*) FROM "Order" o JOIN "User" u ON u."id" = o."buyerId" WHERE u."email" = $1`,
    [buyer],
  );
  expect(Number(row!.count)).toBe(5);
});
