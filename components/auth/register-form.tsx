"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { registerAction } from "@/app/(auth)/register/actions";
import { AcceptTermsField } from "@/components/auth/accept-terms-field";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, useFieldError } from "@/components/ui/form-field";

/**
 * R9: email, password, terms, "Register now"; then the same "check your email" screen for every
 * address — except through a valid invitation link (R17, decision 007), which activates at once.
 */
export function RegisterForm({ continueTo, invitation }: { continueTo: string | null; invitation?: { token: string; email: string } | null }) {
  const t = useTranslations("register");
  const tInvitation = useTranslations("invitations");
  const [activated, setActivated] = useState(false);
  const locale = useLocale();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const errorOf = useFieldError(fieldErrors);
  const tField = useTranslations("fieldErrors");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("language", locale);
    if (continueTo) form.set("continueTo", continueTo);
    if (invitation) form.set("invitationToken", invitation.token);
    setIsSubmitting(true);
    const result = await registerAction(Object.fromEntries(form));
    setIsSubmitting(false);
    if (result.ok) {
      setActivated(result.data.status === "ACTIVATED");
      setRegisteredEmail(String(form.get("email") ?? "").trim().toLowerCase());
      return;
    }
    setFieldErrors(result.error.fieldErrors);
    setMessage(result.error.fieldErrors ? null : result.error.message);
  }

  if (registeredEmail && activated) {
    return (
      <section aria-labelledby="account-activated" className="mt-6 space-y-3">
        <h2 id="account-activated" className="text-lg font-semibold text-slate-900">
          {tInvitation("activatedTitle")}
        </h2>
        <p className="text-sm text-slate-700">{tInvitation("activated", { email: registeredEmail })}</p>
        <Link href="/sign-in" className="inline-block rounded font-medium text-brand-700 hover:underline">
          {tInvitation("signIn")}
        </Link>
      </section>
    );
  }

  if (registeredEmail) {
    return (
      <section aria-labelledby="check-email" className="mt-6 space-y-2">
        <h2 id="check-email" className="text-lg font-semibold text-slate-900">
          {t("checkEmailTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("checkEmail", { email: registeredEmail })}</p>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {message ? <FormAlert>{message}</FormAlert> : null}
      <FormField id="email" type="email" autoComplete="email" required label={t("email")} error={errorOf("email")} defaultValue={invitation?.email} />
      <FormField
        id="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        label={t("password")}
        hint={t("passwordHint")}
        error={errorOf("password")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="firstName" autoComplete="given-name" label={t("firstName")} error={errorOf("firstName")} />
        <FormField id="lastName" autoComplete="family-name" label={t("lastName")} error={errorOf("lastName")} />
      </div>
      <AcceptTermsField label={t("acceptTerms")} error={errorOf("acceptTerms") ? tField("acceptTerms") : null} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
