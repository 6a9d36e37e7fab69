// Renders one transactional email in the recipient's language (R29): subject, HTML and plain text.
import "server-only";
import { render } from "@react-email/render";
import { accountExists } from "@/emails/account-exists";
import { accountVerification } from "@/emails/account-verification";
import type { EmailDefinition } from "@/emails/email-definition";
import { invitation } from "@/emails/invitation";
import { licenseAssignedDesktop } from "@/emails/license-assigned-desktop";
import { licenseAssignedWeb } from "@/emails/license-assigned-web";
import { licenseExpiring } from "@/emails/license-expiring";
import { membershipInvitation } from "@/emails/membership-invitation";
import { emailTranslator } from "@/emails/messages/email-translator";
import { toSubjectLine } from "@/emails/messages/format-message";
import { passwordReset } from "@/emails/password-reset";
import { purchaseConfirmation } from "@/emails/purchase-confirmation";
import type { Locale } from "@/lib/i18n/locales";
import type { EmailTemplate, EmailTemplatePayloads } from "./email-templates";

// Plain text: headings in normal case (html-to-text shouts h1/h2 by default) and no line wrapping,
// so long URLs stay whole and clickable.
const plainTextOptions = {
  wordwrap: false as const,
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
  ],
};

const definitions: { [T in EmailTemplate]: EmailDefinition<T> } = {
  "account-verification": accountVerification,
  "password-reset": passwordReset,
  "account-exists": accountExists,
  "license-assigned-web": licenseAssignedWeb,
  "license-assigned-desktop": licenseAssignedDesktop,
  invitation,
  "membership-invitation": membershipInvitation,
  "purchase-confirmation": purchaseConfirmation,
  "license-expiring": licenseExpiring,
};

function tidyPlainText(text: string): string {
  return `${text
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

export type RenderEmailInput<T extends EmailTemplate = EmailTemplate> = {
  template: T;
  locale: Locale;
  payload: EmailTemplatePayloads[T];
};

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail<T extends EmailTemplate>({ template, locale, payload }: RenderEmailInput<T>): Promise<RenderedEmail> {
  const definition = definitions[template] as EmailDefinition<T> | undefined;
  // Templates arrive from outbox rows; a name from an older or newer release must fail loudly.
  if (!definition) throw new Error(`Unknown email template "${String(template)}"`);
  const props = { locale, t: emailTranslator(locale), payload };
  const element = definition.render(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: plainTextOptions })]);
  return { subject: toSubjectLine(definition.subject(props)), html, text: tidyPlainText(text) };
}
