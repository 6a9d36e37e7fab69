"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("resetPassword");
  const tRegister = useTranslations("register");
  const form = useActionForm({ refresh: false });
  const [isDone, setIsDone] = useState(false);
  const errorOf = useFieldError(form.fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    await form.submit(() => resetPasswordAction({ token, password }), {
      onSuccess: () => setIsDone(true),
      onFailure: (error) => {
        const link = { href: "/forgot-password", label: t("requestNew") };
        if (error.fieldErrors?.token) return { tone: "error", text: t("invalid"), link };
        return error.fieldErrors ? null : { tone: "error", text: error.message, link };
      },
    });
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
      <FormMessageAlert message={form.message} />
      <FormField
        id="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("password")}
        hint={tRegister("passwordHint")}
        error={errorOf("password")}
      />
      <Button type="submit" className="w-full" disabled={form.isSubmitting}>
        {form.isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
