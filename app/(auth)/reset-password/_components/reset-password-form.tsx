"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormAlert, FormField, useFieldError } from "@/components/ui/form-field";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("resetPassword");
  const tRegister = useTranslations("register");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [isDone, setIsDone] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const errorOf = useFieldError(fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setIsSubmitting(true);
    const result = await resetPasswordAction({ token, password });
    setIsSubmitting(false);
    if (result.ok) {
      setIsDone(true);
      return;
    }
    const errors = result.error.fieldErrors;
    setFieldErrors(errors);
    setMessage(errors?.token ? t("invalid") : errors ? null : result.error.message);
  }

  if (isDone) {
    return (
      <section aria-labelledby="reset-done" className="mt-6 space-y-4">
        <h2 id="reset-done" className="text-lg font-semibold text-slate-900">
          {t("successTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("success")}</p>
        <Link href="/sign-in" className={buttonClassName("primary")}>
          {t("signIn")}
        </Link>
      </section>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {message ? (
        <FormAlert>
          {message}{" "}
          <Link href="/forgot-password" className="font-medium underline">
            {t("requestNew")}
          </Link>
        </FormAlert>
      ) : null}
      <FormField
        id="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("password")}
        hint={tRegister("passwordHint")}
        error={errorOf("password")}
      />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
