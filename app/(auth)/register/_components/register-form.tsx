"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { registerAction } from "@/app/(auth)/register/actions";
import { AcceptTermsField } from "@/components/auth/accept-terms-field";
import { RegistrationSuccess } from "@/components/auth/registration-success";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { messageUnlessFieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";
import type { ContinueTarget } from "@/lib/accounts/continue-to";

/** isPending: the token is good for this address, so registering activates at once. */
type Invitation = { token: string; email: string; isPending: boolean; firstName?: string; lastName?: string };

/**
 * R9: email, password, terms, "Register now"; then the same "check your email" screen for every
 * address — except through a valid invitation link (R17, decision 007), which activates at once
 * and ends on the success box with "Continue to" (R10). The whole page is drawn here, so a
 * finished registration shows no form heading above its result.
 */
export function RegisterForm({ continueTo, invitation }: { continueTo: string | null; invitation?: Invitation | null }) {
  const t = useTranslations("register");
  const tInvitation = useTranslations("invitations");
  const locale = useLocale();
  const [activatedTarget, setActivatedTarget] = useState<ContinueTarget | null>(null);
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);
  const form = useActionForm({ refresh: false });
  const errorOf = useFieldError(form.fieldErrors);
  const tField = useTranslations("fieldErrors");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("language", locale);
    if (continueTo) data.set("continueTo", continueTo);
    if (invitation) data.set("invitationToken", invitation.token);
    const email = String(data.get("email") ?? "");
    await form.submit(() => registerAction(data), {
      onSuccess: (registered) => {
        setActivatedTarget(registered.status === "ACTIVATED" ? registered.continueTo : null);
        setRegisteredEmail(email.trim().toLowerCase());
      },
      onFailure: messageUnlessFieldErrors,
    });
  }

  if (registeredEmail && activatedTarget) {
    return (
      <RegistrationSuccess
        title={tInvitation("activatedTitle")}
        text={tInvitation("activated", { email: registeredEmail })}
        target={activatedTarget}
      />
    );
  }

  if (registeredEmail) {
    return (
      <section aria-labelledby="check-email" className="space-y-2">
        <h1 id="check-email" className="text-2xl font-semibold tracking-tight text-slate-900">
          {t("checkEmailTitle")}
        </h1>
        <p className="text-sm text-slate-700">{t("checkEmail", { email: registeredEmail })}</p>
      </section>
    );
  }

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{invitation?.isPending ? t("invitedIntro") : t("intro")}</p>
      <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
        <FormMessageAlert message={form.message} />
        <FormField
          id="email"
          type="email"
          autoComplete="email"
          required
          label={t("email")}
          error={errorOf("email")}
          defaultValue={invitation?.email}
        />
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
          <FormField
            id="firstName"
            autoComplete="given-name"
            label={t("firstName")}
            error={errorOf("firstName")}
            defaultValue={invitation?.firstName}
          />
          <FormField
            id="lastName"
            autoComplete="family-name"
            label={t("lastName")}
            error={errorOf("lastName")}
            defaultValue={invitation?.lastName}
          />
        </div>
        <AcceptTermsField error={errorOf("acceptTerms") ? tField("acceptTerms") : null} />
        <Button type="submit" className="w-full" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </form>
      <p className="mt-6 border-t border-slate-100 pt-4 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="rounded font-medium text-brand-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </>
  );
}
