import { describe, expect, it } from "vitest";
import { emailMessages } from "@/emails/messages/email-messages";
import { emailTranslator } from "@/emails/messages/email-translator";
import { emailTemplates, type EmailTemplate, type EmailTemplatePayloads } from "@/lib/email/email-templates";
import { renderEmail, type RenderEmailInput } from "@/lib/email/render-email";
import { locales, type Locale } from "@/lib/i18n/locales";
import { flattenMessages, icuArguments } from "./icu-messages";

// Query strings with "&" make sure URLs survive HTML escaping and plain-text conversion whole.
const base = "https://portal.example.com";
const payloads: { [T in EmailTemplate]: EmailTemplatePayloads[T] } = {
  "account-verification": {
    firstName: "Jan",
    verifyUrl: `${base}/verify-email?token=vt_8f3a9c&continueTo=%2Fsoftware`,
    expiresInHours: 24,
  },
  "password-reset": { firstName: "Jan", resetUrl: `${base}/reset-password?token=rt_77b1e2`, expiresInMinutes: 30 },
  "account-exists": { firstName: "Jan", signInUrl: `${base}/sign-in?from=register`, resetUrl: `${base}/forgot-password` },
  "license-assigned-web": {
    firstName: "Jan",
    productName: "PROFIS Engineering",
    companyName: "Bouwbedrijf Jansen B.V.",
    adminName: "Anna de Vries",
    startUrl: `${base}/software/profis-engineering?company=c_123&lang=nl`,
  },
  "license-assigned-desktop": {
    firstName: "Jan",
    productName: "PROFIS Layout Office",
    companyName: "Bouwbedrijf Jansen B.V.",
    adminName: "Anna de Vries",
    downloadUrl: `${base}/software/profis-layout-office/download?company=c_123&os=windows`,
    activationKey: "PLO-7K3M-Q9XW-2HTD-84RN",
  },
  invitation: {
    firstName: "Piet",
    productNames: ["PROFIS Engineering", "PROFIS Detection Office"],
    companyName: "Bouwbedrijf Jansen B.V.",
    adminName: "Anna de Vries",
    registerUrl: `${base}/register?invitation=inv_5d2c&email=piet%40jansen.example&product=PROFIS_DETECTION_OFFICE`,
    licenses: [
      {
        kind: "DESKTOP",
        productCode: "PROFIS_DETECTION_OFFICE",
        productName: "PROFIS Detection Office",
        downloadUrl: `${base}/downloads/profis-detection-office`,
        activationKey: "PDO-7K3M-Q9XW-2HTD-84RN",
      },
      { kind: "WEB", productCode: "PROFIS_ENGINEERING", productName: "PROFIS Engineering" },
    ],
  },
  "membership-invitation": {
    companyName: "Bouwbedrijf Jansen B.V.",
    adminName: "Anna de Vries",
    acceptUrl: `${base}/join?token=mi_3f9a&from=mail`,
    expiresInDays: 14,
  },
  "purchase-confirmation": {
    firstName: "Anna",
    companyName: "Bouwbedrijf Jansen B.V.",
    orderNumber: "ORD-2025-000417",
    lines: [
      { productName: "PROFIS Engineering", licenseType: "NAMED_USER", seats: 5 },
      { productName: "PROFIS Layout Office", licenseType: "NODE_LOCKED", seats: 2 },
    ],
    totalFormatted: "€ 4.250,00",
    startUrl: `${base}/software-management?order=ORD-2025-000417&welcome=1`,
  },
  "license-expiring": {
    firstName: "Anna",
    companyName: "Bouwbedrijf Jansen B.V.",
    productName: "PROFIS Layout Office",
    licenseType: "FLOATING",
    seats: 5,
    validUntil: "2026-12-28T10:00:00.000Z",
    daysLeft: 30,
    renewUrl: `${base}/software-management/0b6f5c1e-3d2a-4e8f-9c71-5a4b3c2d1e0f?renew=1&from=mail`,
  },
};

// A few function words per language; a subject in the wrong language matches neither or both.
const languageWords: Record<Locale, RegExp> = {
  nl: /\b(u|uw|voor|door|van|bij|nodigt|bestelling|wachtwoord|Licentieportaal)\b/i,
  en: /\b(you|your|for|has|invited|order|password|License portal)\b/i,
};

const cases = emailTemplates.flatMap((template) => locales.map((locale) => [template, locale] as const));

function render<T extends EmailTemplate>(template: T, locale: Locale, payload: EmailTemplatePayloads[T]) {
  return renderEmail({ template, locale, payload } as RenderEmailInput<T>);
}

/** Every URL field of the payload, nested ones (an invitation's licenses) included. */
function urlsOf(payload: object): string[] {
  return Object.entries(payload).flatMap(([key, value]): string[] => {
    if (key.endsWith("Url") && typeof value === "string") return [value];
    if (value && typeof value === "object") return (Array.isArray(value) ? value : [value]).flatMap((item: object) => urlsOf(item));
    return [];
  });
}

/** URLs a template builds from the payload: an invitation's web license registers, then continues there. */
function derivedUrlsOf(payload: object): string[] {
  if (!("licenses" in payload) || !("registerUrl" in payload)) return [];
  return (payload.licenses as { kind: string; productCode: string }[])
    .filter((license) => license.kind === "WEB")
    .map((license) => {
      const url = new URL(payload.registerUrl as string);
      url.searchParams.set("product", license.productCode);
      return url.toString();
    });
}

function hrefsOf(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => (match[1] ?? "").replaceAll("&amp;", "&"));
}

function stringFields(payload: object): Record<string, string> {
  return Object.fromEntries(Object.entries(payload).filter(([, value]) => typeof value === "string"));
}

describe.each(cases)("email %s (%s)", (template, locale) => {
  const payload = payloads[template];
  const rendered = render(template, locale, payload);
  const otherLocale: Locale = locale === "nl" ? "en" : "nl";

  it("has a subject in the recipient's language", async () => {
    const { subject } = await rendered;
    expect(subject.trim()).not.toBe("");
    expect(subject).toMatch(languageWords[locale]);
    expect(subject).not.toMatch(languageWords[otherLocale]);
  });

  it("declares the language on <html> and has a preheader", async () => {
    const { html } = await rendered;
    expect(html).toMatch(new RegExp(`<html[^>]*\\blang="${locale}"`));
    expect(html).toContain(emailMessages[locale].common.brand);
    // React Email's <Preview>: hidden text that inbox lists show after the subject.
    expect(html).toMatch(/<div[^>]*data-skip-in-text="true"[^>]*>[^<]{20,}/);
  });

  it("links every payload URL, absolute and whole, in HTML and plain text", async () => {
    const { html, text } = await rendered;
    const urls = [...urlsOf(payload), ...derivedUrlsOf(payload)];
    expect(urls.length).toBeGreaterThan(0);
    const hrefs = hrefsOf(html);
    for (const url of urls) {
      expect(hrefs).toContain(url);
      expect(text).toContain(url);
    }
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
    // Every URL in the text part is one of the payload's, i.e. none was cut or wrapped.
    for (const [found] of text.matchAll(/https?:\/\/\S+/g)) expect(urls).toContain(found);
  });

  it("leaves no placeholder or markup behind", async () => {
    const { subject, html, text } = await rendered;
    // "{name}" or the start of "{days, plural, …}"; a message's tag printed as text instead of applied.
    for (const part of [subject, html, text]) expect(part).not.toMatch(/\{\s*\w+\s*[,}]/);
    expect(html).not.toMatch(/&lt;\/?[a-z]+&gt;/i);
    expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(text).toContain(emailMessages[locale].common.closing);
  });

  it("names the people, company and products the reader expects", async () => {
    const { subject, html, text } = await rendered;
    const fields = stringFields(payload);
    for (const key of ["firstName", "adminName", "companyName", "productName", "orderNumber"]) {
      const value = fields[key];
      if (value === undefined) continue;
      expect(html, key).toContain(value);
      expect(text, key).toContain(value);
    }
    if ("productNames" in payload) {
      for (const name of payload.productNames) {
        expect(html).toContain(name);
        expect(text).toContain(name);
        expect(subject).toContain(name);
      }
    }
    if ("adminName" in payload) expect(subject).toContain(payload.adminName);
    if ("productName" in payload) expect(subject).toContain(payload.productName);
  });

  it("escapes names that contain markup, and keeps the subject on one line", async () => {
    const hostile = '<script>alert("x")</script>\r\nBcc: victim@example.com';
    const hostilePayload = Object.fromEntries(
      Object.entries(payload).map(([key, value]) => [key, key.endsWith("Name") ? hostile : value]),
    ) as typeof payload;
    const { subject, html } = await render(template, locale, hostilePayload);
    expect(html).not.toContain("<script>");
    if (Object.keys(payload).some((key) => key.endsWith("Name") && key !== "firstName")) {
      expect(html).toContain("&lt;script&gt;");
    }
    expect(subject).not.toMatch(/[\r\n]/);
  });
});

describe("template-specific content", () => {
  it.each(locales)("shows the activation key in HTML and text of the desktop mail (%s)", async (locale) => {
    const payload = payloads["license-assigned-desktop"];
    const { html, text } = await render("license-assigned-desktop", locale, payload);
    expect(html).toMatch(new RegExp(`<code[^>]*>${payload.activationKey}</code>`));
    expect(text).toContain(payload.activationKey);
    expect(text).toContain(emailMessages[locale].licenseAssignedDesktop.keyLabel);
  });

  it.each(locales)("uses the manual's button labels (%s)", async (locale) => {
    const labels = {
      "account-verification": { nl: "Activeer account", en: "Activate account" },
      "license-assigned-web": { nl: "Laten we beginnen", en: "Let's get started" },
      "license-assigned-desktop": { nl: "Download desktop software", en: "Download desktop software" },
      "purchase-confirmation": { nl: "Laten we beginnen", en: "Let's get started" },
    } as const;
    for (const [template, label] of Object.entries(labels) as [keyof typeof labels, Record<Locale, string>][]) {
      const { html, text } = await render(template, locale, payloads[template]);
      const button = new RegExp(`<a[^>]*href="[^"]+"[^>]*>[\\s\\S]*?${label[locale].replace("'", "(?:'|&#x27;|&#39;)")}`);
      expect(html, template).toMatch(button);
      expect(text, template).toContain(label[locale]);
    }
  });

  it("lists the order lines with translated license types and the total", async () => {
    const payload = payloads["purchase-confirmation"];
    const { html, text } = await render("purchase-confirmation", "nl", payload);
    for (const part of [html, text]) {
      expect(part).toContain("Named user");
      expect(part).toContain("Node-locked");
      expect(part).toContain(payload.totalFormatted);
    }
  });

  it("shows what each order line bought, and the amounts excluding VAT and the VAT", async () => {
    const payload: EmailTemplatePayloads["purchase-confirmation"] = {
      ...payloads["purchase-confirmation"],
      lines: [
        { productName: "PROFIS Engineering", licenseType: "FLOATING", seats: 2, kind: "ADD_SEATS" },
        { productName: "PROFIS Layout Office", licenseType: "NODE_LOCKED", seats: 1, kind: "RENEWAL" },
      ],
      netFormatted: "€ 1.000,00",
      vatFormatted: "€ 210,00",
      totalFormatted: "€ 1.210,00",
    };
    const { html, text } = await render("purchase-confirmation", "en", payload);
    for (const part of [html, text]) {
      expect(part).toContain("PROFIS Engineering (additional seats)");
      expect(part).toContain("PROFIS Layout Office (renewal for one year)");
      expect(part).toContain("Subtotal excl. VAT");
      for (const amount of ["€ 1.000,00", "€ 210,00", "€ 1.210,00"]) expect(part).toContain(amount);
    }
  });

  it("decision 021: names the buyer's purchase-order number and links to the invoice with its payment term", async () => {
    const payload: EmailTemplatePayloads["purchase-confirmation"] = {
      ...payloads["purchase-confirmation"],
      purchaseOrderNumber: "PO-2026-0042",
      invoice: { number: "F00000417", url: `${base}/shop/orders/7b1c/invoice`, paymentTermDays: 30 },
    };
    const { html, text } = await render("purchase-confirmation", "nl", payload);
    for (const part of [html, text]) {
      expect(part).toContain("Uw inkoopordernummer: PO-2026-0042");
      expect(part).toContain("U betaalt factuur F00000417 binnen 30 dagen.");
      expect(part).toContain("Factuur F00000417 bekijken");
    }
    expect(html).toContain(`href="${base}/shop/orders/7b1c/invoice"`);
    // Mails enqueued before invoices were shown keep rendering without them.
    const older = await render("purchase-confirmation", "nl", payloads["purchase-confirmation"]);
    expect(older.text).not.toContain("inkoopordernummer");
  });

  it.each([
    ["nl", "28 december 2026", "30 dagen", "Multi-user (floating)"],
    ["en", "December 28, 2026", "30 days", "Multi-user (floating)"],
  ] as const)("writes the end date, days left and license type of the expiring license in %s", async (locale, date, days, type) => {
    const { subject, html, text } = await render("license-expiring", locale, payloads["license-expiring"]);
    expect(subject).toContain(date);
    for (const part of [html, text]) {
      expect(part).toContain(date);
      expect(part).toContain(days);
      expect(part).toContain(type);
    }
  });

  it("does not sound an alarm in the account-exists mail", async () => {
    for (const locale of locales) {
      const { subject, text } = await render("account-exists", locale, payloads["account-exists"]);
      expect(`${subject} ${text}`).not.toMatch(/someone|iemand|attempt|poging|suspicious|verdacht|warning|waarschuwing/i);
    }
  });

  // One payload per count a template writes in words, with that count set to n.
  const counted = {
    "account-verification": (n: number) => ({ ...payloads["account-verification"], expiresInHours: n }),
    "password-reset": (n: number) => ({ ...payloads["password-reset"], expiresInMinutes: n }),
    "membership-invitation": (n: number) => ({ ...payloads["membership-invitation"], expiresInDays: n }),
    "purchase-confirmation": (n: number) => ({
      ...payloads["purchase-confirmation"],
      invoice: { number: "F00000417", url: `${base}/shop/orders/7b1c/invoice`, paymentTermDays: n },
    }),
    "license-expiring": (n: number) => ({ ...payloads["license-expiring"], daysLeft: n }),
  } satisfies { [T in EmailTemplate]?: (n: number) => EmailTemplatePayloads[T] };

  it.each([
    ["account-verification", "nl", 1, "Deze link is 1 uur"],
    ["account-verification", "nl", 24, "Deze link is 24 uur"],
    ["account-verification", "en", 1, "valid for 1 hour"],
    ["account-verification", "en", 24, "valid for 24 hours"],
    ["password-reset", "nl", 1, "Deze link is 1 minuut"],
    ["password-reset", "nl", 30, "Deze link is 30 minuten"],
    ["password-reset", "en", 1, "valid for 1 minute"],
    ["password-reset", "en", 30, "valid for 30 minutes"],
    ["membership-invitation", "nl", 1, "De link is 1 dag"],
    ["membership-invitation", "nl", 14, "De link is 14 dagen"],
    ["membership-invitation", "en", 1, "valid for 1 day"],
    ["membership-invitation", "en", 14, "valid for 14 days"],
    ["purchase-confirmation", "nl", 1, "binnen 1 dag"],
    ["purchase-confirmation", "nl", 30, "binnen 30 dagen"],
    ["purchase-confirmation", "en", 1, "within 1 day"],
    ["purchase-confirmation", "en", 30, "within 30 days"],
    ["license-expiring", "nl", 1, "Uw licentie verloopt over 1 dag"],
    ["license-expiring", "nl", 30, "Uw licentie verloopt over 30 dagen"],
    ["license-expiring", "en", 1, "Your license ends in 1 day"],
    ["license-expiring", "en", 30, "Your license ends in 30 days"],
  ] as const)("writes the count in words in %s (%s, %i): %s", async (template, locale, count, expected) => {
    const { html, text } = await render(template, locale, counted[template](count));
    // Not followed by a letter: "1 dag" must not be the start of "1 dagen".
    const whole = new RegExp(`${expected}(?!\\p{L})`, "u");
    expect(html).toMatch(whole);
    expect(text).toMatch(whole);
  });

  it("fails loudly on a missing value, tag or message instead of printing it", () => {
    const t = emailTranslator("en");
    expect(() => t("membershipInvitation.expires", {})).toThrow(/days/);
    expect(() => t.rich("invitation.intro", { adminName: "Anna", companyName: "Jansen" })).toThrow(/strong/);
    expect(() => t("membershipInvitation.expiry" as never)).toThrow(/membershipInvitation\.expiry/);
  });

  it("rejects an unknown template", async () => {
    await expect(renderEmail({ template: "no-such-mail", locale: "nl", payload: {} } as unknown as RenderEmailInput)).rejects.toThrow(
      /Unknown email template/,
    );
  });
});

describe("email dictionaries (R29)", () => {
  const nl = flattenMessages(emailMessages.nl);
  const en = flattenMessages(emailMessages.en);

  it("have the same keys in Dutch and English", () => {
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
  });

  it.each([
    ["nl", nl],
    ["en", en],
  ] as const)("have no empty %s text", (_locale, messages) => {
    expect([...messages].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });

  it("use the same placeholders, plurals and tags in both languages", () => {
    for (const [key, text] of en) expect(icuArguments(text), key).toEqual(icuArguments(nl.get(key) ?? ""));
  });
});
