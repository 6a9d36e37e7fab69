"use client";

import { useTranslations } from "next-intl";
import { useRef, type FormEvent } from "react";
import { createLicenseGroupAction } from "@/app/(backoffice)/backoffice/companies/[companyId]/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";

/** R12, R31: a license group, by default in the company's own SAP account. */
export function CreateGroupForm({ companyId, companySapAccount }: { companyId: string; companySapAccount: string }) {
  const t = useTranslations("backoffice.newGroup");
  const form = useActionForm();
  const errorOf = useFieldError(form.fieldErrors);
  const formRef = useRef<HTMLFormElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const created = await form.submit(
      () =>
        createLicenseGroupAction({
          companyId,
          name: values.groupName ?? "",
          sapAccountNumber: values.groupSapAccountNumber,
          orderReference: values.orderReference,
        }),
      {
        onSuccess: () => ({ tone: "success", text: t("created", { name: values.groupName?.trim() ?? "" }) }),
        onFailure: (error) => (error.fieldErrors?.name?.[0] === "taken" ? { tone: "error", text: t("taken") } : undefined),
      },
    );
    if (created) formRef.current?.reset();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="new-group-heading">
      <h3 id="new-group-heading" className="text-base font-semibold text-slate-900">
        {t("heading")}
      </h3>
      <FormMessageAlert message={form.message} />
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField id="groupName" required autoComplete="off" label={t("name")} error={errorOf("name")} />
        <FormField
          id="groupSapAccountNumber"
          autoComplete="off"
          inputMode="numeric"
          label={t("sapAccountNumber")}
          hint={t("sapHint", { number: companySapAccount })}
          error={errorOf("sapAccountNumber")}
        />
        <FormField id="orderReference" autoComplete="off" label={t("orderReference")} error={errorOf("orderReference")} />
      </div>
      <Button type="submit" disabled={form.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
