"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { contactSalesAction } from "@/app/(portal)/shop/contact-sales/actions";
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
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const errorOf = useFieldError(fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setIsSubmitting(true);
    const result = await contactSalesAction(form);
    setIsSubmitting(false);
    if (!result.ok) {
      setFieldErrors(result.error.fieldErrors);
      setMessage(result.error.message);
      return;
    }
    setSentTo(form.email?.trim().toLowerCase() ?? "");
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
      {message ? <FormAlert>{message}</FormAlert> : null}
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
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
