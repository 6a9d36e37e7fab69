"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import type { BillingAddress } from "@/lib/shop/billing-details";

type CheckoutBillingFieldsProps = {
  /** The company's address on file, prefilled when buying for it. */
  addressOnFile: BillingAddress | null;
  /** The invoice's country: the company's, or the one chosen for the new company; null until chosen. */
  countryLabel: string | null;
  errorOf: (field: string, fallbackKey?: string) => string | null;
};

/** Decision 021: where the invoice goes, and the buyer's own order reference. */
export function CheckoutBillingFields({ addressOnFile, countryLabel, errorOf }: CheckoutBillingFieldsProps) {
  const t = useTranslations("shop.checkout");
  return (
    <>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("billingHeading")}</legend>
        <FormField
          id="billingAttention"
          autoComplete="off"
          label={t("billingAttention")}
          defaultValue={addressOnFile?.attention ?? ""}
          maxLength={100}
          error={errorOf("billingAttention")}
        />
        <FormField
          id="billingStreet"
          required
          autoComplete="street-address"
          label={t("billingStreet")}
          defaultValue={addressOnFile?.street ?? ""}
          maxLength={200}
          error={errorOf("billingStreet")}
        />
        <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
          <FormField
            id="billingPostalCode"
            required
            autoComplete="postal-code"
            label={t("billingPostalCode")}
            defaultValue={addressOnFile?.postalCode ?? ""}
            maxLength={16}
            error={errorOf("billingPostalCode", "postalCode")}
          />
          <FormField
            id="billingCity"
            required
            autoComplete="address-level2"
            label={t("billingCity")}
            defaultValue={addressOnFile?.city ?? ""}
            maxLength={100}
            error={errorOf("billingCity")}
          />
        </div>
        <p className="text-sm text-slate-700">
          {countryLabel ? t("billingCountry", { country: countryLabel }) : t("billingCountryUnknown")}
        </p>
      </fieldset>
      <FormField
        id="purchaseOrderNumber"
        autoComplete="off"
        label={t("purchaseOrderNumber")}
        hint={t("purchaseOrderNumberHint")}
        maxLength={35}
        error={errorOf("purchaseOrderNumber")}
      />
    </>
  );
}
