"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, useFieldError } from "@/components/ui/form-field";

/** The same confirmation for every address, registered or not (no enumeration). */
export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const errorOf = useFieldError(fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setIsSubmitting(true);
    const result = await requestPasswordResetAction({ email });
    setIsSubmitting(false);
    if (result.ok) {
      setSentTo(email.trim().toLowerCase());
      return;
    }
    setFieldErrors(result.error.fieldErrors);
    setMessage(result.error.fieldErrors ? null : result.error.message);
  }

  if (sentTo) {
    return (
      <section aria-labelledby="reset-sent" className="mt-6 space-y-2">
        <h2 id="reset-sent" className="text-lg font-semibold text-slate-900">
          {t("sentTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("sent", { email: sentTo })}</p>
      </section>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {message ? <FormAlert>{message}</FormAlert> : null}
      <FormField id="email" type="email" autoComplete="email" required label={t("email")} error={errorOf("email")} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
