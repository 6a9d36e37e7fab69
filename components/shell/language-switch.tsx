"use client";

import { clsx } from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { locales, type Locale } from "@/lib/i18n/locales";

/** The server action that stores the choice (app/actions.ts), passed in by the layout. */
export type SetLanguage = (input: { language: Locale }) => Promise<ActionResult<void>>;

/** Two toggle buttons (Nederlands / English); the choice is stored by `setLanguage`. */
export function LanguageSwitch({ setLanguage, className }: { setLanguage: SetLanguage; className?: string }) {
  const t = useTranslations("language");
  const current = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function choose(language: Locale) {
    if (language === current) return;
    startTransition(async () => {
      const result = await setLanguage({ language });
      if (result.ok) {
        setError(null);
        router.refresh();
      } else {
        setError(t("failed"));
      }
    });
  }

  return (
    <div className={className}>
      <div role="group" aria-label={t("label")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
        {locales.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            aria-pressed={language === current}
            disabled={isPending}
            onClick={() => choose(language)}
            className={clsx(
              "rounded px-2.5 py-1 text-xs font-medium transition-colors",
              language === current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {t(language)}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
