// The closed set of transactional emails and each one's data (R7, R10, R17, R21, R27), shared by the
// domain, the outbox worker and emails/. URLs in payloads are absolute (absoluteUrl).
export type InvitedLicense =
  | { kind: "WEB"; productCode: string; productName: string }
  | { kind: "DESKTOP"; productCode: string; productName: string; downloadUrl: string; activationKey: string };

export type EmailTemplatePayloads = {
  "account-verification": { firstName: string; verifyUrl: string; expiresInHours: number };
  "password-reset": { firstName: string; resetUrl: string; expiresInMinutes: number };
  /** Sent instead of a verification mail when someone registers an address that has an account. */
  "account-exists": { firstName: string; signInUrl: string; resetUrl: string };
  "license-assigned-web": { firstName: string; productName: string; companyName: string; adminName: string; startUrl: string };
  "license-assigned-desktop": {
    firstName: string;
    productName: string;
    companyName: string;
    adminName: string;
    downloadUrl: string;
    activationKey: string;
  };
  /** R17, R21: register first, then the software; `licenses` is absent in mails enqueued before it existed. */
  invitation: {
    firstName: string;
    productNames: string[];
    companyName: string;
    adminName: string;
    registerUrl: string;
    licenses?: InvitedLicense[];
  };
  /** Decision 016: the same mail whether or not the address has an account; no names the admin typed. */
  "membership-invitation": { companyName: string; adminName: string; acceptUrl: string; expiresInDays: number };
  /** R7: "Let's get started" into Software management. */
  "purchase-confirmation": {
    firstName: string;
    companyName: string;
    orderNumber: string;
    /** kind: what the line bought (a new license when absent); licenseType: the LicenseType code. */
    lines: { productName: string; licenseType: string; seats: number; kind?: "NEW_LICENSE" | "ADD_SEATS" | "RENEWAL" }[];
    /** Absent in mails enqueued before they existed. */
    netFormatted?: string;
    vatFormatted?: string;
    totalFormatted: string;
    startUrl: string;
    /** Decision 021; absent in mails enqueued before invoices existed. */
    invoice?: { number: string; url: string; paymentTermDays: number };
    purchaseOrderNumber?: string;
  };
  /** To each of the company's admins, 30 days before a license ends. */
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

/** Payload fields holding a one-time token: blanked once the message is SENT or FAILED (decision 005). */
export const secretPayloadFields: { [T in EmailTemplate]?: (keyof EmailTemplatePayloads[T])[] } = {
  "account-verification": ["verifyUrl"],
  "password-reset": ["resetUrl"],
  invitation: ["registerUrl"],
  "membership-invitation": ["acceptUrl"],
};
