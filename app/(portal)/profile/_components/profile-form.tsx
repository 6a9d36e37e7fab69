"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { saveProfileAction } from "@/app/(portal)/profile/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField, inputClassName, useFieldError } from "@/components/ui/form-field";

export type ProfileValues = { title: string; firstName: string; lastName: string; position: string; language: "nl" | "en" };

const titles = ["MR", "MS", "MX", "DR"] as const;

/** Name fields, title, position and language (R29: the language is saved and applied at once). */
export function ProfileForm({ initial }: { initial: ProfileValues }) {
  const t = useTranslations("profile");
  const tLanguage = useTranslations("language");
  const form = useActionForm();
  const errorOf = useFieldError(form.fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await form.submit(() => saveProfileAction(data), { onSuccess: () => ({ tone: "success", text: t("saved") }) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessageAlert message={form.message} />
      <div>
        <label htmlFor="title" className="block text-sm font-medium text-slate-800">
          {t("titleLabel")}
        </label>
        <select id="title" name="title" defaultValue={initial.title} className={inputClassName}>
          <option value="">{t("titleNone")}</option>
          {titles.map((title) => (
            <option key={title} value={title}>
              {t(`title${title}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="firstName"
          autoComplete="given-name"
          required
          defaultValue={initial.firstName}
          label={t("firstName")}
          error={errorOf("firstName")}
        />
        <FormField
          id="lastName"
          autoComplete="family-name"
          required
          defaultValue={initial.lastName}
          label={t("lastName")}
          error={errorOf("lastName")}
        />
      </div>
      <FormField
        id="position"
        autoComplete="organization-title"
        defaultValue={initial.position}
        label={t("position")}
        error={errorOf("position")}
      />
      <div>
        <label htmlFor="language" className="block text-sm font-medium text-slate-800">
          {t("language")}
        </label>
        <select id="language" name="language" defaultValue={initial.language} className={inputClassName}>
          <option value="nl">{tLanguage("nl")}</option>
          <option value="en">{tLanguage("en")}</option>
        </select>
      </div>
      <Button type="submit" disabled={form.isSubmitting}>
        {form.isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
