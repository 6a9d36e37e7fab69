"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { activateAccountAction } from "@/app/(auth)/verify-email/actions";
import { AcceptTermsField } from "@/components/auth/accept-terms-field";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormAlert, FormField, useFieldError } from "@/components/ui/form-field";
import type { ContinueTarget } from "@/lib/accounts/continue-to";

/**
 * R10: "Activate account", then the success screen with "Continue to" the portal or the software.
 * Outside the browser that registered (`choosePasswordFor` is the address), the mailbox owner
 * chooses the password and accepts the terms here (decision 017).
 */
export function ActivateAccountForm({ token, choosePasswordFor }: { token: string; choosePasswordFor: string | null }) {
  const t = useTranslations("verifyEmail");
  const tRegister = useTranslations("register");
  const locale = useLocale();
  const router = useRouter();
  const [target, setTarget] = useState<ContinueTarget | null>(null);
  const [hasFailed, setHasFailed] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const errorOf = useFieldError(fieldErrors);

  async function activate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSubmitting(true);
    const result = await activateAccountAction({
      token,
      language: locale,
      ...(choosePasswordFor ? { password: String(form.get("password") ?? ""), acceptTerms: form.get("acceptTerms") === "on" } : {}),
    });
    setIsSubmitting(false);
    if (result.ok) {
      setTarget(result.data);
      return;
    }
    const errors = result.error.fieldErrors;
    // The registering browser's cookie ran out since the page loaded: the page now asks for a password.
    if (!choosePasswordFor && errors?.password) router.refresh();
    else if (choosePasswordFor && errors && !errors.token) setFieldErrors(errors);
    else setHasFailed(true);
  }

  if (target) {
    return (
      <section aria-labelledby="activated" className="space-y-4">
        <h1 id="activated" className="text-2xl font-semibold tracking-tight text-slate-900">
          {t("successTitle")}
        </h1>
        <p className="text-sm text-slate-600">{t("successIntro")}</p>
        <div className="flex flex-wrap gap-3">
          {target.kind === "software" ? (
            <a href={target.url} className={buttonClassName("primary")}>
              {t("continueToSoftware", { product: target.productName })}
            </a>
          ) : null}
          <Link href="/" className={buttonClassName(target.kind === "software" ? "secondary" : "primary")}>
            {t("continueToPortal")}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{choosePasswordFor ? t("choosePasswordIntro") : t("intro")}</p>
      <form onSubmit={activate} noValidate className="mt-6 space-y-4">
        {hasFailed ? (
          <FormAlert>
            {t("invalid")}{" "}
            <Link href="/sign-in" className="font-medium underline">
              {t("requestNew")}
            </Link>
          </FormAlert>
        ) : null}
        {choosePasswordFor && !hasFailed ? (
          <>
            {/* The address, read-only, so password managers save the new password with it. */}
            <FormField id="email" type="email" autoComplete="username" readOnly label={tRegister("email")} value={choosePasswordFor} />
            <FormField
              id="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
              label={t("choosePassword")}
              hint={tRegister("passwordHint")}
              error={errorOf("password")}
            />
            <AcceptTermsField label={tRegister("acceptTerms")} error={errorOf("acceptTerms") ? t("acceptTermsRequired") : null} />
          </>
        ) : null}
        <Button type="submit" className="w-full" disabled={isSubmitting || hasFailed}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </form>
    </>
  );
}
