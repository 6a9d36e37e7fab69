"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { changePasswordAction, signOutEverywhereAction } from "@/app/(portal)/profile/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { messageUnlessFieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";

/** Change the password (ends the other sessions) and "Sign out everywhere". */
export function ChangePasswordForm() {
  const t = useTranslations("profile");
  const tRegister = useTranslations("register");
  const form = useActionForm({ refresh: false });
  const errorOf = useFieldError(form.fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    const passwords = { currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? "") };
    await form.submit(() => changePasswordAction(passwords), {
      onSuccess: () => {
        formElement.reset();
        return { tone: "success", text: t("passwordChanged") };
      },
      onFailure: messageUnlessFieldErrors,
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessageAlert message={form.message} />
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
      <Button type="submit" disabled={form.isSubmitting}>
        {form.isSubmitting ? t("changing") : t("changePassword")}
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
