"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

/**
 * R9: "I accept the terms of use", required, with the terms a click away (in a new tab, so the
 * form keeps what was typed); the error, when given, is shown under it and named by the box.
 */
export function AcceptTermsField({ error }: { error?: string | null }) {
  const t = useTranslations("register");
  return (
    <div>
      <div className="flex items-start gap-2 text-sm text-slate-800">
        <input
          id="acceptTerms"
          name="acceptTerms"
          type="checkbox"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "acceptTerms-error" : undefined}
          className="mt-0.5 size-4 rounded border-slate-300"
        />
        <label htmlFor="acceptTerms">
          {t.rich("acceptTerms", {
            terms: (chunks) => (
              <Link href="/terms" target="_blank" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </label>
      </div>
      {error ? (
        <p id="acceptTerms-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
