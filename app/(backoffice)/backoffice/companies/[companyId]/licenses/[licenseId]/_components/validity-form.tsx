"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { changeLicenseValidityAction } from "@/app/(backoffice)/backoffice/companies/[companyId]/licenses/[licenseId]/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";

/** R31 renewals and expiry: a new end date (through the end of that day), or end the license now. */
export function ValidityForm(props: { licenseId: string; version: number; validUntilDate: string; isExpired: boolean }) {
  const t = useTranslations("backoffice.license");
  const format = useFormatter();
  const form = useActionForm();

  const onFailure = (error: { code: string; fieldErrors?: Record<string, string[]> }) => {
    if (error.code === "CONFLICT") return { tone: "error" as const, text: t("stale") };
    if (error.fieldErrors?.validUntil) return { tone: "error" as const, text: t("endInPast") };
    return undefined;
  };
  const saved = (data: { validUntil: string }) => ({
    tone: "success" as const,
    text: t("validitySaved", { until: format.dateTime(new Date(data.validUntil), { dateStyle: "medium" }) }),
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const validUntil = String(new FormData(event.currentTarget).get("validUntil") ?? "");
    await form.submit(
      () => changeLicenseValidityAction({ kind: "set-end", licenseId: props.licenseId, validUntil, expectedVersion: props.version }),
      { onSuccess: saved, onFailure },
    );
  }

  async function endNow() {
    if (!window.confirm(t("endNowConfirm"))) return;
    await form.submit(() => changeLicenseValidityAction({ kind: "end-now", licenseId: props.licenseId, expectedVersion: props.version }), {
      onSuccess: () => ({ tone: "success", text: t("ended") }),
      onFailure,
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="validity-heading">
      <FormMessageAlert message={form.message} />
      <div className="max-w-xs">
        <FormField
          id="validUntil"
          type="date"
          required
          label={t("validUntilLabel")}
          defaultValue={props.validUntilDate}
          hint={t("validUntilHint")}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.isSubmitting}>
          {t("saveValidity")}
        </Button>
        {props.isExpired ? null : (
          <Button variant="secondary" onClick={endNow} disabled={form.isSubmitting}>
            {t("endNow")}
          </Button>
        )}
      </div>
    </form>
  );
}
