"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { contactSalesAction } from "@/app/(portal)/shop/contact-sales/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectField } from "@/components/ui/select-field";
import { Button, buttonClassName } from "@/components/ui/button";
import { FieldFrame, fieldControlProps, FormAlert, FormField, useFieldError } from "@/components/ui/form-field";

type ContactSalesFormProps = {
  products: { code: string; name: string }[];
  defaults: { productCode: string; companyName: string; country: string; email: string };
  countries: { code: string; label: string }[];
};

/** R6 "Contact sales": leaves a sales lead for the back office and thanks the requester. */
export function ContactSalesForm({ products, defaults, countries }: ContactSalesFormProps) {
  const t = useTranslations("shop.contactSalesPage");
  const form = useActionForm({ refresh: false });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errorOf = useFieldError(form.fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    await form.submit(() => contactSalesAction(values), {
      onSuccess: () => setSentTo(values.email?.trim().toLowerCase() ?? ""),
    });
  }

  if (sentTo !== null) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success">{t("thanks", { email: sentTo })}</FormAlert>
        <Link href="/shop" className={buttonClassName("secondary")}>
          {t("back")}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="space-y-4">
      <FormMessageAlert message={form.message} />
      <SelectField id="productCode" label={t("product")} defaultValue={defaults.productCode} required error={errorOf("productCode")}>
        {products.map((product) => (
          <option key={product.code} value={product.code}>
            {product.name}
          </option>
        ))}
      </SelectField>
      <FormField
        id="companyName"
        required
        autoComplete="organization"
        label={t("companyName")}
        defaultValue={defaults.companyName}
        error={errorOf("companyName")}
      />
      <SelectField id="country" label={t("country")} defaultValue={defaults.country} required error={errorOf("country")}>
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.label}
          </option>
        ))}
      </SelectField>
      <FormField
        id="email"
        type="email"
        required
        autoComplete="email"
        label={t("email")}
        defaultValue={defaults.email}
        error={errorOf("email")}
      />
      <FieldFrame id="message" label={t("message")} hint={t("messageHint")}>
        <textarea {...fieldControlProps({ id: "message", hint: t("messageHint") })} rows={4} maxLength={2000} />
      </FieldFrame>
      <Button type="submit" disabled={form.isSubmitting}>
        {form.isSubmitting ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
