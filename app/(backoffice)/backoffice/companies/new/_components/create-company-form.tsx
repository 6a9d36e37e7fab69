"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { createCompanyAction } from "@/app/(backoffice)/backoffice/companies/new/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";

/** R31: a company account per country, identified by its SAP account number. */
export function CreateCompanyForm() {
  const t = useTranslations("backoffice.newCompany");
  const router = useRouter();
  const form = useActionForm();
  const errorOf = useFieldError(form.fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const created = await form.submit(
      () =>
        createCompanyAction({
          name: values.name ?? "",
          country: values.country ?? "",
          sapAccountNumber: values.sapAccountNumber ?? "",
          vatNumber: values.vatNumber,
        }),
      {
        onSuccess: () => ({ tone: "success", text: t("created") }),
        onFailure: (error) => (error.fieldErrors?.sapAccountNumber?.[0] === "taken" ? { tone: "error", text: t("taken") } : undefined),
      },
    );
    if (created) router.push(`/backoffice/companies/${created.companyId}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-label={t("heading")}>
      <FormMessageAlert message={form.message} />
      <FormField id="name" required autoComplete="off" label={t("name")} error={errorOf("name")} />
      <FormField
        id="country"
        required
        autoComplete="off"
        maxLength={2}
        label={t("country")}
        hint={t("countryHint")}
        error={errorOf("country")}
      />
      <FormField
        id="sapAccountNumber"
        required
        autoComplete="off"
        inputMode="numeric"
        label={t("sapAccountNumber")}
        hint={t("sapHint")}
        error={errorOf("sapAccountNumber")}
      />
      <FormField id="vatNumber" autoComplete="off" label={t("vatNumber")} error={errorOf("vatNumber")} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("saving") : t("submit")}
        </Button>
        <Link href="/backoffice" className={buttonClassName("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
