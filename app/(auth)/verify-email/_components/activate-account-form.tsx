"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { activateAccountAction } from "@/app/(auth)/verify-email/actions";
import { AcceptTermsField } from "@/components/auth/accept-terms-field";
import { RegistrationSuccess } from "@/components/auth/registration-success";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm, type FormMessage } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";
import type { ContinueTarget } from "@/lib/accounts/continue-to";
import type { ActionError } from "@/lib/actions/action-result";
import { resolveLocale } from "@/lib/i18n/locales";

/**
 * R10: "Activate account", then the success box with "Continue to" the portal or the software.
 * In the browser that registered (`activateOnOpen`), the mail's "Activate account" is the one
 * click: the page activates as it opens, with a POST from the page's script, so a mail scanner or
 * link preview fetching the address (no script, no registration cookie) uses nothing up; the
 * button stays for a browser without script. Outside that browser (`choosePasswordFor` is the
 * address), the mailbox owner chooses the password and accepts the terms here (decision 017).
 */
export function ActivateAccountForm({
  token,
  choosePasswordFor,
  activateOnOpen = false,
}: {
  token: string;
  choosePasswordFor: string | null;
  activateOnOpen?: boolean;
}) {
  const t = useTranslations("verifyEmail");
  const tRegister = useTranslations("register");
  const locale = resolveLocale(useLocale());
  const router = useRouter();
  const [target, setTarget] = useState<ContinueTarget | null>(null);
  const form = useActionForm({ refresh: false });
  // The one message is the link's failure: the form then only points to a new link.
  const hasFailed = form.message !== null;
  const errorOf = useFieldError(form.fieldErrors);

  const formRef = useRef<HTMLFormElement>(null);
  const hasActivatedOnOpen = useRef(false);
  useEffect(() => {
    if (!activateOnOpen || hasActivatedOnOpen.current) return;
    hasActivatedOnOpen.current = true;
    formRef.current?.requestSubmit();
  }, [activateOnOpen]);

  function onFailure({ fieldErrors: errors }: ActionError): FormMessage {
    // The registering browser's cookie ran out since the page loaded: the page now asks for a password.
    if (!choosePasswordFor && errors?.password) {
      form.reset();
      router.refresh();
      return null;
    }
    if (choosePasswordFor && errors && !errors.token) return null;
    return { tone: "error", text: t("invalid"), link: { href: "/sign-in", label: t("requestNew") } };
  }

  async function activate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.isSubmitting) return;
    const data = new FormData(event.currentTarget);
    const chosen = choosePasswordFor ? { password: String(data.get("password") ?? ""), acceptTerms: data.get("acceptTerms") === "on" } : {};
    await form.submit(() => activateAccountAction({ token, language: locale, ...chosen }), {
      onSuccess: (activated) => setTarget(activated),
      onFailure,
    });
  }

  if (target) return <RegistrationSuccess title={t("successTitle")} text={t("successIntro")} target={target} />;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600" role={activateOnOpen && form.isSubmitting ? "status" : undefined}>
        {choosePasswordFor ? t("choosePasswordIntro") : activateOnOpen && form.isSubmitting ? t("activating") : t("intro")}
      </p>
      <form ref={formRef} onSubmit={activate} noValidate className="mt-6 space-y-4">
        <FormMessageAlert message={form.message} />
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
            <AcceptTermsField error={errorOf("acceptTerms") ? t("acceptTermsRequired") : null} />
          </>
        ) : null}
        <Button type="submit" className="w-full" disabled={form.isSubmitting || hasFailed}>
          {form.isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </form>
    </>
  );
}
