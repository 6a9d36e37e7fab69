"use client";

import { useSyncExternalStore } from "react";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { defaultLocale, localeCookieName, resolveLocale } from "@/lib/i18n/locales";
import "./globals.css";

// Replaces the root layout when that fails, so no translation provider is available here:
// the locale is read from the cookie the language switch sets.
const errorMessages = { nl: nl.errorPage, en: en.errorPage };

function readLocaleCookie() {
  const entry = document.cookie.split("; ").find((cookie) => cookie.startsWith(`${localeCookieName}=`));
  return resolveLocale(entry?.slice(localeCookieName.length + 1));
}

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(
    () => () => {},
    readLocaleCookie,
    () => defaultLocale,
  );
  const t = errorMessages[locale];
  return (
    <html lang={locale}>
      <body className="flex min-h-screen items-center justify-center bg-slate-50 px-4 font-sans text-slate-900">
        <main className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold">{t.title}</h1>
          <p className="mt-2 text-sm text-slate-600">{t.description}</p>
          <button
            type="button"
            onClick={() => retry()}
            className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
