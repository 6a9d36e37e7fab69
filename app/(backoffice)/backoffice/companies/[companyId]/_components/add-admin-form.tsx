"use client";

import { useTranslations } from "next-intl";
import { useRef, type FormEvent } from "react";
import { addCompanyAdminAction } from "@/app/(backoffice)/backoffice/companies/[companyId]/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";

/** R31: an existing person (by email) becomes a software administrator of the company. */
export function AddAdminForm({ companyId }: { companyId: string }) {
  const t = useTranslations("backoffice.addAdmin");
  const form = useActionForm();
  const errorOf = useFieldError(form.fieldErrors);
  const formRef = useRef<HTMLFormElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    const added = await form.submit(() => addCompanyAdminAction({ companyId, email }), {
      onSuccess: (data) => ({ tone: "success", text: t(data.outcome === "PROMOTED" ? "promoted" : "added", { email: data.email }) }),
      onFailure: (error) => {
        const problem = error.fieldErrors?.email?.[0];
        if (problem === "unknown") return { tone: "error", text: t("unknown") };
        if (problem === "already-admin") return { tone: "error", text: t("alreadyAdmin") };
        return undefined;
      },
    });
    if (added) formRef.current?.reset();
  }

  const emailProblem = form.fieldErrors?.email?.[0];
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="add-admin-heading">
      <h3 id="add-admin-heading" className="text-base font-semibold text-slate-900">
        {t("heading")}
      </h3>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <FormMessageAlert message={form.message} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <FormField
            id="admin-email"
            name="email"
            type="email"
            autoComplete="off"
            required
            label={t("email")}
            error={emailProblem === "unknown" || emailProblem === "already-admin" ? null : errorOf("email")}
          />
        </div>
        <Button type="submit" disabled={form.isSubmitting}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
