// R6, R7 (decision 011): the shop. A buyer without a company buys a floating web license for a new
// company → the confirmation mail's "Laten we beginnen" → Software Beheer shows it → assigning it
// to a colleague sends their mail. PROFIS Engineering Enterprise cannot be bought, not in the UI and
// not by posting the action with a tampered form; a double submit makes one order; a USER cannot
// buy for the company (decision 011); "1 plaats bijkopen" raises a full column's seats.
// Every purchase is made by a fresh identity for a new company, so the demo companies the other
// specs use never change.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, chooseCompany, DUTCH_COMPANY, signIn, STAFF_EMAIL, USER_EMAIL } from "./support/demo";
import { saveAndConfirm } from "./support/grid";
import { registerIdentity, uniqueEmail } from "./support/identity";
import { openMailLink } from "./support/mail";
import { fillBillingAddress, purchaseMailStartPath, queryDatabase } from "./support/shop";

// Each test signs in, registers identities through tsx and places orders: more than the default
// 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

const FLOATING_CHECKOUT = "/shop/checkout?kind=NEW_LICENSE&product=PROFIS_ENGINEERING&edition=STANDARD&type=FLOATING&seats=1";
const NAMED_CHECKOUT = "/shop/checkout?kind=NEW_LICENSE&product=PROFIS_ENGINEERING&edition=STANDARD&type=NAMED_USER&seats=1";

/** A registered identity in no company, signed in; returns its address and name. */
async function signInAsNewBuyer(page: Page, prefix: string): Promise<{ email: string; name: string }> {
  const email = uniqueEmail(prefix);
  const lastName = `Koper${randomBytes(3).toString("hex")}`;
  registerIdentity(email, "Kim", lastName);
  await signIn(page, email);
  return { email, name: `Kim ${lastName}` };
}

const checkoutForm = (page: Page) => page.getByRole("form", { name: "Afrekenen" });

async function fillNewCompany(page: Page, companyName: string): Promise<void> {
  await page.getByLabel("Bedrijfsnaam").fill(companyName);
  await page.getByLabel("Land").selectOption("NL");
  await fillBillingAddress(page);
}

async function ordersWithKey(idempotencyKey: string): Promise<number> {
  const [row] = await queryDatabase<{ count: string }>(`SELECT count(*) FROM "Order" WHERE "idempotencyKey" = $1`, [idempotencyKey]);
  return Number(row!.count);
}

test("R6/R7: een floating weblicentie kopen voor een nieuw bedrijf → bevestigingsmail → Laten we beginnen → toewijzen → mail aan de collega", async ({
  page,
  browser,
}) => {
  const buyer = await signInAsNewBuyer(page, "koper");
  const companyName = `Ingenieursbureau ${randomBytes(3).toString("hex")}`;

  // The catalogue from the navigation: without a company, prices are shown without VAT.
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Winkel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Winkel" })).toBeVisible();
  await expect(page.getByText("Prijzen exclusief btw; de btw hangt af van het land van uw bedrijf.")).toBeVisible();
  const engineering = page.getByRole("region", { name: "PROFIS Engineering" });
  await engineering.getByLabel("Aantal plaatsen").nth(1).fill("2"); // Standaard: named user, then floating
  await engineering.getByRole("button", { name: "PROFIS Engineering Standaard, Multi-user (floating) bestellen" }).click();

  // Checkout: the buyer has no company, so a new one is made with the order; Dutch VAT.
  await expect(page.getByRole("heading", { level: 1, name: "Afrekenen" })).toBeVisible();
  await expect(checkoutForm(page)).toContainText("PROFIS Engineering Standaard · Multi-user (floating)");
  await expect(checkoutForm(page)).toContainText("2 × € 890,00");
  await fillNewCompany(page, companyName);
  await expect(checkoutForm(page)).toContainText("Btw 21%");
  await expect(checkoutForm(page)).toContainText("€ 2.153,80");
  await expect(page.getByRole("radio", { name: "Betalen op factuur" })).toBeChecked();
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();

  // The confirmation page.
  await expect(page).toHaveURL(/\/shop\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Bedankt voor uw bestelling" })).toBeVisible();
  await expect(page.getByText(`voor ${companyName}`)).toBeVisible();

  // R7: the mail's "Laten we beginnen" opens the new group in Software Beheer.
  const startPath = await purchaseMailStartPath(page, buyer.email);
  expect(startPath).toMatch(/^\/software-management\/[0-9a-f-]{36}$/);
  await page.goto(startPath);
  await expect(page.getByRole("heading", { level: 1, name: companyName })).toBeVisible();
  const grid = page.getByRole("grid");
  await expect(grid.getByRole("columnheader", { name: /PROFIS Engineering/ })).toContainText("Multi-user (floating)");
  await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Software Beheer" })).toBeVisible();

  // Decision 016: a company bought into existence adds people at once only after the vendor knows
  // it; the back office records its invoice as paid.
  const staffPage = await (await browser.newContext()).newPage();
  await signIn(staffPage, STAFF_EMAIL);
  await staffPage.goto("/backoffice/orders");
  await staffPage.getByRole("button", { name: new RegExp(`^Factuur van de bestelling van ${companyName} `) }).click();
  await expect(staffPage.getByRole("button", { name: new RegExp(`^Factuur van de bestelling van ${companyName} `) })).toHaveCount(0);
  await staffPage.context().close();

  // A colleague who has no account yet: Gebruiker toevoegen → contact details → assign → Ja.
  const colleague = uniqueEmail("collega");
  const colleagueLastName = `Collega${randomBytes(3).toString("hex")}`;
  await page.getByRole("link", { name: "Gebruiker toevoegen" }).click();
  await page.getByLabel("E-mailadres").fill(colleague);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await page.getByLabel("Aanhef").selectOption({ label: "Dhr." });
  await page.getByLabel("Voornaam").fill("Joris");
  await page.getByLabel("Achternaam").fill(colleagueLastName);
  await page.getByLabel("Functie").fill("Constructeur");
  await page.getByLabel("Taal").selectOption("nl");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(new RegExp(`${startPath}(\\?|$)`));
  const box = grid.getByRole("checkbox", {
    name: `PROFIS Engineering Multi-user (floating) toewijzen aan Joris ${colleagueLastName}`,
    exact: true,
  });
  await box.click();
  await saveAndConfirm(page, "1 nieuwe toegewezen licentie; 1 uitnodiging wordt verstuurd");

  // R17: the colleague's invitation arrives, with the link to register.
  const registerLink = await openMailLink(page, colleague, "/register", "invitation");
  expect(registerLink).toContain("invitation=");

  // Fulfilment in the database: one order, paid by invoice, the buyer ADMIN of the new company.
  const rows = await queryDatabase<{ status: string; paymentMethod: string; totalCents: number; role: string; seats: number }>(
    `SELECT o."status", o."paymentMethod", o."totalCents", m."role", l."seats"
       FROM "Order" o JOIN "User" u ON u."id" = o."buyerId"
       JOIN "Membership" m ON m."userId" = u."id" AND m."companyId" = o."companyId"
       JOIN "OrderLine" ol ON ol."orderId" = o."id" JOIN "License" l ON l."id" = ol."licenseId"
      WHERE u."email" = $1`,
    [buyer.email],
  );
  // (PAID: the back office recorded the invoice above.)
  expect(rows).toEqual([{ status: "PAID", paymentMethod: "INVOICE", totalCents: 215_380, role: "ADMIN", seats: 2 }]);
});

test("R6: Enterprise is niet online te koop — de winkel verwijst naar verkoop en de actie weigert een gemanipuleerd formulier", async ({
  page,
}) => {
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  await page.goto("/shop");
  await expect(page.getByText("Voor Bouwbedrijf De Vries B.V. rekenen we 21% btw.")).toBeVisible();
  const engineering = page.getByRole("region", { name: "PROFIS Engineering" });
  await expect(engineering.getByRole("button", { name: /Enterprise/ })).toHaveCount(0);
  await expect(engineering.getByRole("button", { name: /Standaard/ })).toHaveCount(2);

  // An Enterprise checkout address leads to the sales form, which leaves a lead.
  await page.goto("/shop/checkout?kind=NEW_LICENSE&product=PROFIS_ENGINEERING&edition=ENTERPRISE&type=NAMED_USER&seats=5");
  await expect(page).toHaveURL(/\/shop\/contact-sales\?product=PROFIS_ENGINEERING$/);
  await page.goto("/shop");
  await engineering.getByRole("link", { name: "Contact opnemen met verkoop over PROFIS Engineering Enterprise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contact opnemen met verkoop" })).toBeVisible();
  await expect(page.getByLabel("Bedrijfsnaam")).toHaveValue(DUTCH_COMPANY);
  const note = `Graag een offerte voor 40 gebruikers ${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Bericht (optioneel)").fill(note);
  await page.getByRole("button", { name: "Verzoek versturen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Bedankt!" })).toContainText(
    `Bedankt! Uw verzoek is bij ons verkoopteam. We nemen binnen twee werkdagen contact met u op via ${ADMIN_EMAIL}.`,
  );
  expect(await queryDatabase(`SELECT 1 FROM "SalesLead" WHERE "message" = $1 AND "email" = $2`, [note, ADMIN_EMAIL])).toHaveLength(1);

  // The action posted with Enterprise anyway (the form's hidden edition changed before submit):
  // refused with the reason, and nothing is written.
  await page.goto(FLOATING_CHECKOUT);
  await expect(page.getByRole("radio", { name: `Voor ${DUTCH_COMPANY}` })).toBeChecked();
  const idempotencyKey = await checkoutForm(page).locator("input[name=idempotencyKey]").inputValue();
  await checkoutForm(page).evaluate((form) => {
    (form.querySelector("input[name='line.edition']") as HTMLInputElement).value = "ENTERPRISE";
  });
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(checkoutForm(page).getByRole("alert")).toHaveText(
    "PROFIS Engineering Enterprise verkopen we niet online. Neem contact op met ons verkoopteam.",
  );
  await expect(page).toHaveURL(/\/shop\/checkout\?/);
  expect(await ordersWithKey(idempotencyKey)).toBe(0);
});

test("R6: fouten per veld; twee keer verzenden (dubbelklik, opnieuw proberen) geeft één bestelling", async ({ page }) => {
  const buyer = await signInAsNewBuyer(page, "dubbel");
  await page.goto(FLOATING_CHECKOUT);
  // Per-field errors first: the new company's name and country are missing.
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(checkoutForm(page).getByRole("alert")).toHaveText("Controleer de gemarkeerde velden.");
  await expect(page.getByLabel("Bedrijfsnaam")).toHaveAccessibleDescription("Dit veld is verplicht.");
  await expect(page.getByLabel("Land")).toHaveAccessibleDescription("Dit veld is verplicht.");
  await fillNewCompany(page, `Dubbel ${randomBytes(3).toString("hex")}`);
  const idempotencyKey = await checkoutForm(page).locator("input[name=idempotencyKey]").inputValue();
  // Two submits before the first answer, past the disabled button: both reach the server.
  await checkoutForm(page).evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(page).toHaveURL(/\/shop\/orders\/[0-9a-f-]{36}$/);
  const orderId = new URL(page.url()).pathname.split("/").at(-1);
  expect(await ordersWithKey(idempotencyKey)).toBe(1);
  const orders = await queryDatabase<{ id: string }>(
    `SELECT o."id" FROM "Order" o JOIN "User" u ON u."id" = o."buyerId" WHERE u."email" = $1`,
    [buyer.email],
  );
  expect(orders).toEqual([{ id: orderId }]);
  const [companies] = await queryDatabase<{ count: string }>(
    `SELECT count(*) FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE u."email" = $1`,
    [buyer.email],
  );
  expect(Number(companies!.count)).toBe(1);
});

test("besluit 011: een gebruiker (USER) kan niet voor het bedrijf kopen en hoort wie hij het kan vragen", async ({ page }) => {
  await signIn(page, USER_EMAIL);
  await page.goto(FLOATING_CHECKOUT);
  // Other specs may add administrators to the demo company; Anna de Vries is one from the seed.
  await expect(page.getByRole("note")).toContainText(
    `Alleen de beheerders van ${DUTCH_COMPANY} kunnen voor dit bedrijf kopen. Vraag het aan `,
  );
  await expect(page.getByRole("note")).toContainText("Anna de Vries");
  await expect(page.getByRole("note")).toContainText("of koop voor een nieuw bedrijf.");
  await expect(page.getByRole("radio", { name: `Voor ${DUTCH_COMPANY}` })).toHaveCount(0);
  await expect(page.getByLabel("Bedrijfsnaam")).toBeVisible();

  // Posting the action for the company anyway: refused, nothing written, still a USER.
  const [company] = await queryDatabase<{ id: string }>(`SELECT "id" FROM "Company" WHERE "name" = $1`, [DUTCH_COMPANY]);
  const idempotencyKey = await checkoutForm(page).locator("input[name=idempotencyKey]").inputValue();
  await checkoutForm(page).evaluate((form, companyId) => {
    (form.querySelector("input[name=buyer]") as HTMLInputElement).value = "COMPANY";
    const field = Object.assign(document.createElement("input"), { type: "hidden", name: "companyId", value: companyId });
    form.append(field);
  }, company!.id);
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(checkoutForm(page).getByRole("alert")).toHaveText(
    "Alleen de beheerders van dit bedrijf kunnen ervoor kopen. Vraag het aan een beheerder, of koop voor een nieuw bedrijf.",
  );
  expect(await ordersWithKey(idempotencyKey)).toBe(0);
  const [membership] = await queryDatabase<{ role: string }>(
    `SELECT m."role" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE u."email" = $1 AND m."companyId" = $2`,
    [USER_EMAIL, company!.id],
  );
  expect(membership).toEqual({ role: "USER" });
});

test("1 plaats bijkopen: een volle kolom krijgt er een plaats bij, via de kassa voor hetzelfde bedrijf", async ({ page }) => {
  const buyer = await signInAsNewBuyer(page, "bijkoop");
  const companyName = `Bijkoop ${randomBytes(3).toString("hex")}`;
  await page.goto(NAMED_CHECKOUT);
  await fillNewCompany(page, companyName);
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await page.getByRole("link", { name: "Laten we beginnen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: companyName })).toBeVisible();

  // The buyer takes the one named seat: the column is full.
  const column = page.getByRole("grid").getByRole("columnheader", { name: /PROFIS Engineering Named user/ });
  await page
    .getByRole("grid")
    .getByRole("checkbox", { name: `PROFIS Engineering Named user toewijzen aan ${buyer.name}`, exact: true })
    .click();
  await saveAndConfirm(page, "1 nieuwe toegewezen licentie");
  await expect(column.getByLabel("1 van 1 licenties toegewezen")).toBeVisible();
  await expect(column).toContainText("Vol");

  // "Plaatsen en looptijd" offers one more seat and another year; the checkout is for this company only.
  const seatsSection = page.getByRole("region", { name: "Plaatsen en looptijd" });
  await expect(seatsSection.getByRole("link", { name: "PROFIS Engineering Standaard · Named user een jaar verlengen" })).toBeVisible();
  await seatsSection.getByRole("link", { name: "1 plaats bijkopen voor PROFIS Engineering Standaard · Named user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Afrekenen" })).toBeVisible();
  await expect(checkoutForm(page)).toContainText(`Bedrijf van deze bestelling: ${companyName}`);
  await expect(checkoutForm(page)).toContainText("Extra plaatsen voor PROFIS Engineering Standaard · Named user");
  await expect(checkoutForm(page)).toContainText("1 × € 490,00");
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bedankt voor uw bestelling" })).toBeVisible();
  await page.getByRole("link", { name: "Laten we beginnen" }).click();
  await expect(column.getByLabel("1 van 2 licenties toegewezen")).toBeVisible();
  await expect(column).not.toContainText("Vol");
});

test("besluit 021: factuuradres en inkoopordernummer bij het afrekenen → factuur om af te drukken → Bestellingen en facturen; anderen zien ze niet", async ({
  page,
  browser,
}) => {
  await signInAsNewBuyer(page, "factuur");
  const companyName = `Factuurbouw ${randomBytes(3).toString("hex")}`;
  await page.goto(FLOATING_CHECKOUT);
  await page.getByLabel("Bedrijfsnaam").fill(companyName);
  await page.getByLabel("Land").selectOption("NL");
  await expect(checkoutForm(page)).toContainText("Land: Nederland, het land van het bedrijf.");
  // A postal code that cannot be Dutch: the field says so and nothing is ordered.
  await fillBillingAddress(page, { postalCode: "12345" });
  const idempotencyKey = await checkoutForm(page).locator("input[name=idempotencyKey]").inputValue();
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(checkoutForm(page).getByRole("alert")).toHaveText("Controleer de gemarkeerde velden.");
  await expect(page.getByLabel("Postcode", { exact: true })).toHaveAccessibleDescription(
    "Deze postcode past niet bij het land van het bedrijf.",
  );
  expect(await ordersWithKey(idempotencyKey)).toBe(0);

  await page.getByLabel("Postcode", { exact: true }).fill("3526kl");
  await page.getByLabel("T.a.v. (optioneel)").fill("Crediteurenadministratie");
  await page.getByLabel("Uw inkoopordernummer (optioneel)").fill("PO-E2E-7");
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bedankt voor uw bestelling" })).toBeVisible();
  await expect(page.getByText("Uw inkoopordernummer: PO-E2E-7")).toBeVisible();
  const [order] = await queryDatabase<{ id: string; invoiceNumber: number }>(
    `SELECT "id", "invoiceNumber" FROM "Order" WHERE "idempotencyKey" = $1`,
    [idempotencyKey],
  );
  const invoiceNumber = `F${String(order!.invoiceNumber).padStart(8, "0")}`;

  // The invoice: seller, the address as given (normalised), the reference, the amounts, the status.
  await page.getByRole("link", { name: `Factuur ${invoiceNumber} bekijken` }).click();
  await expect(page).toHaveURL(new RegExp(`/shop/orders/${order!.id}/invoice$`));
  const invoice = page.getByRole("article", { name: "Factuur" });
  await expect(invoice).toContainText(`Factuurnummer${invoiceNumber}`);
  await expect(invoice).toContainText("Uw inkoopordernummerPO-E2E-7");
  const billTo = invoice.getByRole("region", { name: "Factuur aan" });
  await expect(billTo).toContainText(companyName);
  await expect(billTo).toContainText("T.a.v. Crediteurenadministratie");
  await expect(billTo).toContainText("Kanaalweg 12");
  await expect(billTo).toContainText("3526 KL Utrecht");
  await expect(billTo).toContainText("Nederland");
  await expect(invoice).toContainText("Btw 21%");
  await expect(invoice).toContainText("€ 1.076,90");
  await expect(invoice).toContainText("Openstaand, te betalen vóór");
  await expect(invoice).toContainText(`onder vermelding van ${invoiceNumber}.`);
  // Printed, the invoice is all there is: no portal frame, no buttons.
  await expect(page.getByRole("button", { name: "Afdrukken of opslaan als pdf" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" })).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Afdrukken of opslaan als pdf" })).toBeHidden();
  await expect(invoice).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // Software Beheer → Bestellingen en facturen lists it.
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Bestellingen en facturen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bestellingen en facturen" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: invoiceNumber });
  await expect(row).toContainText("PROFIS Engineering");
  await expect(row).toContainText("PO-E2E-7");
  await expect(row).toContainText("€ 1.076,90");
  await expect(row).toContainText("Openstaand");
  await expect(row.getByRole("link", { name: `Factuur ${invoiceNumber} bekijken` })).toHaveAttribute(
    "href",
    `/shop/orders/${order!.id}/invoice`,
  );

  // The next checkout for this company starts from the address on file.
  await page.goto(FLOATING_CHECKOUT);
  await expect(page.getByRole("radio", { name: `Voor ${companyName}` })).toBeChecked();
  await expect(page.getByLabel("Straat en huisnummer")).toHaveValue("Kanaalweg 12");
  await expect(page.getByLabel("Postcode", { exact: true })).toHaveValue("3526 KL");
  await expect(page.getByLabel("T.a.v. (optioneel)")).toHaveValue("Crediteurenadministratie");
  await expect(page.getByLabel("Uw inkoopordernummer (optioneel)")).toHaveValue("");

  // R28: a colleague of another company, the demo company's USER and a stranger find no invoice;
  // signed out, the invoice asks for a sign-in first and comes back to it.
  const invoicePath = `/shop/orders/${order!.id}/invoice`;
  for (const email of [ADMIN_EMAIL, USER_EMAIL]) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, email);
    expect((await other.goto(invoicePath))?.status()).toBe(404);
    await expect(other.getByText(invoiceNumber)).toHaveCount(0);
    expect((await other.goto(`/shop/orders/${order!.id}`))?.status()).toBe(404);
    await context.close();
  }
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signInAsNewBuyer(stranger, "vreemde");
  expect((await stranger.goto(invoicePath))?.status()).toBe(404);
  // Bad input is the same 404 (or the first page), never an error.
  for (const path of ["/shop/orders/not-an-order/invoice", `/shop/orders/${order!.id.toUpperCase()}x/invoice`])
    expect((await page.goto(path))?.status(), path).toBe(404);
  expect((await page.goto("/software-management/orders?page=abc"))?.status()).toBe(200);
  await expect(page.getByRole("row").filter({ hasText: invoiceNumber })).toHaveCount(1);
  await stranger.goto("/software-management/orders");
  await expect(stranger.getByRole("heading", { level: 1, name: "Software Beheer is voor softwarebeheerders" })).toBeVisible();
  await expect(stranger.getByRole("table")).toHaveCount(0);
  await strangerContext.close();
  const signedOut = await (await browser.newContext()).newPage();
  await signedOut.goto(invoicePath);
  await expect(signedOut).toHaveURL(/\/sign-in\?callbackUrl=/);
  expect(decodeURIComponent(new URL(signedOut.url()).searchParams.get("callbackUrl") ?? "")).toContain(invoicePath);
  await signedOut.context().close();
});
