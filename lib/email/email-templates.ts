// The closed set of transactional emails and the data each one needs (R7, R10, R17, R21, R27).
// Shared contract between the domain (which enqueues), the outbox worker (which renders and
// sends) and the templates in emails/. URLs in payloads are absolute, built with absoluteUrl()
// (lib/email/absolute-url.ts) from APP_BASE_URL.
/** One license named in an invitation (issue 14 item 1). */
export type InvitedLicense =
  | { kind: "WEB"; productCode: string; productName: string }
  | { kind: "DESKTOP"; productCode: string; productName: string; downloadUrl: string; activationKey: string };

export type EmailTemplatePayloads = {
  /** R10: "Activate account"; continueToUrl set when registration began from a license email. */
  "account-verification": { firstName: string; verifyUrl: string; expiresInHours: number };
  "password-reset": { firstName: string; resetUrl: string; expiresInMinutes: number };
  /** Sent instead of a verification mail when someone registers an address that has an account. */
  "account-exists": { firstName: string; signInUrl: string; resetUrl: string };
  /** R21 web apps: "Let's get started". */
  "license-assigned-web": { firstName: string; productName: string; companyName: string; adminName: string; startUrl: string };
  /** R21 desktop apps: "Download desktop software" and the activation key in the same mail. */
  "license-assigned-desktop": {
    firstName: string;
    productName: string;
    companyName: string;
    adminName: string;
    downloadUrl: string;
    activationKey: string;
  };
  /**
   * R17, R21: a person without an account: register first, then the software. `licenses` carries
   * what a registered user's license mails would (web: "Let's get started", through registration;
   * desktop: the download and the activation key); absent in mails enqueued before it existed.
   */
  invitation: {
    firstName: string;
    productNames: string[];
    companyName: string;
    adminName: string;
    registerUrl: string;
    licenses?: InvitedLicense[];
  };
  /**
   * Issue 13, decision 016: join a company not yet verified. Sent alike whether or not the address
   * has an account, and it never greets with names the inviting admin typed.
   */
  "membership-invitation": { companyName: string; adminName: string; acceptUrl: string; expiresInDays: number };
  /** R7: "Let's get started" into Software management. */
  "purchase-confirmation": {
    firstName: string;
    companyName: string;
    orderNumber: string;
    /** kind: what the line bought (a new license when absent); licenseType: the LicenseType code. */
    lines: { productName: string; licenseType: string; seats: number; kind?: "NEW_LICENSE" | "ADD_SEATS" | "RENEWAL" }[];
    /** Excluding VAT, and the VAT (issue 7); absent in mails enqueued before they existed. */
    netFormatted?: string;
    vatFormatted?: string;
    totalFormatted: string;
    startUrl: string;
    /** Decision 021; absent in mails enqueued before invoices were shown in the portal. */
    invoice?: { number: string; url: string; paymentTermDays: number };
    purchaseOrderNumber?: string;
  };
  /** Issue 7: to each of the company's admins, 30 days before a license ends. */
  "license-expiring": {
    firstName: string;
    companyName: string;
    productName: string;
    licenseType: string;
    seats: number;
    /** ISO 8601 instant the license ends; the template writes the date in the reader's language. */
    validUntil: string;
    daysLeft: number;
    renewUrl: string;
  };
};

export type EmailTemplate = keyof EmailTemplatePayloads;

export const emailTemplates = [
  "account-verification",
  "password-reset",
  "account-exists",
  "license-assigned-web",
  "license-assigned-desktop",
  "invitation",
  "membership-invitation",
  "purchase-confirmation",
  "license-expiring",
] as const satisfies readonly EmailTemplate[];

/**
 * Payload fields that carry a secret (a one-time token inside a URL). The outbox keeps them only
 * until the message is delivered or has failed for good, then blanks them: tokens are stored
 * hashed everywhere else and are never logged.
 */
export const secretPayloadFields: { [T in EmailTemplate]?: (keyof EmailTemplatePayloads[T])[] } = {
  "account-verification": ["verifyUrl"],
  "password-reset": ["resetUrl"],
  invitation: ["registerUrl"],
  "membership-invitation": ["acceptUrl"],
};
