// What each template module provides to lib/email/render-email.ts: a subject and a component,
// both typed by the payload contract in lib/email/email-templates.ts.
import type { ReactElement } from "react";
import type { EmailTemplate, EmailTemplatePayloads } from "@/lib/email/email-templates";
import type { Locale } from "@/lib/i18n/locales";
import type { EmailTranslator } from "./messages/email-translator";

export type EmailProps<T extends EmailTemplate> = {
  locale: Locale;
  /** The texts in `locale`: t("key", values), t.rich for messages with tags. */
  t: EmailTranslator;
  payload: EmailTemplatePayloads[T];
};

export type EmailDefinition<T extends EmailTemplate> = {
  /** Unsanitised subject text; the renderer makes it a single header line. */
  subject: (props: EmailProps<T>) => string;
  render: (props: EmailProps<T>) => ReactElement;
};
