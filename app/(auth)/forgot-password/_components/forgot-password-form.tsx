"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { messageUnlessFieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";

/** The same confirmation for every address, registered or not (no enumeration). */
export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const form = useActionForm({ refresh: false });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errorOf = useFieldError(form.fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    await form.submit(() => requestPasswordResetAction({ email }), {
      onSuccess: () => setSentTo(email.trim().toLowerCase()),
      onFailure: messageUnlessFieldErrors,
    });
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
      <FormMessageAlert message={form.message} />
      <FormField id="email" type="email" autoComplete="email" required label={t("email")} error={errorOf("email")} />
      <Button type="submit" className="w-full" disabled={form.isSubmitting}>
        {form.isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
