// The email dictionaries by locale (R29). Kept apart from the UI catalogues in lib/i18n/messages:
// mails are rendered by the outbox worker, outside any next-intl request.
import type { Locale } from "@/lib/i18n/locales";
import { en } from "./en";
import { nl, type EmailMessages } from "./nl";

export type { EmailMessages };

export const emailMessages: Record<Locale, EmailMessages> = { nl, en };
