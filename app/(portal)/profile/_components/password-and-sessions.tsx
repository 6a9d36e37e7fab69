"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { changePasswordAction, signOutEverywhereAction } from "@/app/(portal)/profile/actions";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, useFieldError } from "@/components/ui/form-field";

/** Change the password (ends the other sessions) and "Sign out everywhere". */
export function ChangePasswordForm() {
  const t = useTranslations("profile");
  const tRegister = useTranslations("register");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const errorOf = useFieldError(fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setIsSubmitting(true);
    const result = await changePasswordAction({
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    });
    setIsSubmitting(false);
    if (result.ok) {
      formElement.reset();
      setFieldErrors(undefined);
      setNotice({ tone: "success", text: t("passwordChanged") });
    } else {
      setFieldErrors(result.error.fieldErrors);
      setNotice(result.error.fieldErrors ? null : { tone: "error", text: result.error.message });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
      <FormField
        id="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        label={t("currentPassword")}
        error={errorOf("currentPassword")}
      />
      <FormField
        id="newPassword"
        type="password"
        autoComplete="new-password"
        required
        label={t("newPassword")}
        hint={tRegister("passwordHint")}
        error={errorOf("newPassword")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("changing") : t("changePassword")}
      </Button>
    </form>
  );
}

export function SignOutEverywhereButton() {
  const t = useTranslations("profile");
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={isPending}
      onClick={async () => {
        setIsPending(true);
        await signOutEverywhereAction();
        await signOut({ redirect: false });
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      {t("signOutEverywhere")}
    </Button>
  );
}
