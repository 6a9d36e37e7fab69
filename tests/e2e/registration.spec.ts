// Registration in the browser: register → read the verification mail → "Activate account" → sign in →
// change company, in Dutch and in English (R8–R11, R29).
import { expect, test } from "@playwright/test";
import { BELGIAN_COMPANY, DUTCH_COMPANY, userMenuButton } from "./support/demo";
import { addToDemoCompanies, uniqueEmail } from "./support/identity";
import { openMailLink } from "./support/mail";

const PASSWORD = "a long and private passphrase";

const languages = {
  nl: {
    register: "Nu registreren",
    email: "E-mailadres",
    password: "Wachtwoord",
    firstName: "Voornaam",
    lastName: "Achternaam",
    terms: "Ik accepteer de gebruiksvoorwaarden",
    checkEmail: "Controleer uw e-mail",
    activate: "Activeer account",
    activated: "Uw account is geactiveerd",
    continueToPortal: "Doorgaan naar het portaal",
    signIn: "Aanmelden",
    changeCompany: "Wijzig bedrijf",
    choose: (company: string, country: string) => `Kies ${company} – ${country}`,
    belgium: "België",
  },
  en: {
    register: "Register now",
    email: "Email address",
    password: "Password",
    firstName: "First name",
    lastName: "Last name",
    terms: "I accept the terms of use",
    checkEmail: "Check your email",
    activate: "Activate account",
    activated: "Your account is active",
    continueToPortal: "Continue to the portal",
    signIn: "Sign in",
    changeCompany: "Change company",
    choose: (company: string, country: string) => `Choose ${company} – ${country}`,
    belgium: "Belgium",
  },
} as const;

for (const [language, text] of Object.entries(languages)) {
  test(`register, activate, sign in and change company (${language})`, async ({ page }) => {
    const email = uniqueEmail(`register-${language}`);
    await page.goto("/register");
    if (language === "en") {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("button", { name: text.register })).toBeVisible();
    }

    await page.getByLabel(text.email).fill(email);
    await page.getByLabel(text.password).fill(PASSWORD);
    await page.getByLabel(text.firstName).fill("Robin");
    await page.getByLabel(text.lastName).fill(language === "nl" ? "de Boer" : "Smith");
    await page.getByLabel(text.terms).check();
    await page.getByRole("button", { name: text.register }).click();
    await expect(page.getByRole("heading", { name: text.checkEmail })).toBeVisible();

    const verifyPath = await openMailLink(page, email, "/verify-email");
    // One click in the mail: in the browser that registered, the page activates as it opens.
    await page.goto(verifyPath);
    await expect(page.getByRole("status").getByRole("heading", { name: text.activated })).toBeVisible();
    await expect(page.getByRole("link", { name: text.continueToPortal })).toBeVisible();
    // A used link does not work twice.
    await page.goto(verifyPath);
    await page.getByRole("button", { name: text.activate }).click();
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();

    addToDemoCompanies(email);
    await page.goto("/sign-in");
    await page.getByLabel(text.email).fill(email);
    await page.getByLabel(text.password).fill(PASSWORD);
    await page.getByRole("button", { name: text.signIn }).click();
    await expect(page).toHaveURL(/\/my-software/);
    await expect(userMenuButton(page)).toContainText("Robin");

    await userMenuButton(page).click();
    await page.getByRole("link", { name: text.changeCompany }).click();
    await page.getByRole("button", { name: text.choose(BELGIAN_COMPANY, text.belgium) }).click();
    await expect(page).not.toHaveURL(/\/change-company/);
    await expect(userMenuButton(page)).toContainText(BELGIAN_COMPANY);
    await expect(userMenuButton(page)).not.toContainText(DUTCH_COMPANY);
  });
}
