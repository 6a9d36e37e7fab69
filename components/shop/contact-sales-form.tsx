"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { contactSalesAction } from "@/app/(portal)/shop/contact-sales/actions";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormAlert, FormField, inputClassName, useFieldError } from "@/components/ui/form-field";

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

  const select = (id: string, label: string, options: { value: string; label: string }[], defaultValue: string) => (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={id} defaultValue={defaultValue} required aria-invalid={errorOf(id) ? true : undefined} aria-describedby={errorOf(id) ? `${id}-error` : undefined} className={inputClassName}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorOf(id) ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errorOf(id)}
        </p>
      ) : null}
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="space-y-4">
      {message ? <FormAlert>{message}</FormAlert> : null}
      {select("productCode", t("product"), products.map((product) => ({ value: product.code, label: product.name })), defaults.productCode)}
      <FormField id="companyName" required autoComplete="organization" label={t("companyName")} defaultValue={defaults.companyName} error={errorOf("companyName")} />
      {select("country", t("country"), countries.map((country) => ({ value: country.code, label: country.label })), defaults.country)}
      <FormField id="email" type="email" required autoComplete="email" label={t("email")} defaultValue={defaults.email} error={errorOf("email")} />
      <div>
        <label htmlFor="message" className="block text-sm font-medium text-slate-800">
          {t("message")}
        </label>
        <textarea id="message" name="message" rows={4} maxLength={2000} aria-describedby="message-hint" className={inputClassName} />
        <p id="message-hint" className="mt-1 text-xs text-slate-500">
          {t("messageHint")}
        </p>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
