"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { placeOrderAction, type PlaceOrderActionInput } from "@/app/(portal)/shop/checkout/actions";
import { CheckoutBillingFields } from "./checkout-billing-fields";
import { CheckoutBuyerFields, type BuyerChoice, type CheckoutCompanyOption } from "./checkout-buyer-fields";
import { CheckoutTotals } from "./checkout-totals";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { useFieldError } from "@/components/ui/form-field";
import type { BillingAddress } from "@/lib/shop/billing-details";
import type { OrderLineInput } from "@/lib/shop/order-input";

type CheckoutFormProps = {
  /** What is bought, as hidden fields: the server prices it again and refuses what it does not sell. */
  line: OrderLineInput;
  /** The lines as the server priced them (CheckoutLines). */
  summary: ReactNode;
  netCents: number;
  company: CheckoutCompanyOption | null;
  canBuyForCompany: boolean;
  /** The company's billing address on file (decision 021). */
  billingAddress: BillingAddress | null;
  isCompanyFixed: boolean;
  notice: string | null;
  countries: { code: string; label: string }[];
  /** Made by the server when the page was rendered: a double submit or retry places one order. */
  idempotencyKey: string;
  paymentTermDays: number;
};

const formFields = [
  "companyName",
  "country",
  "vatNumber",
  "billingAttention",
  "billingStreet",
  "billingPostalCode",
  "billingCity",
  "purchaseOrderNumber",
] as const;
const lineFields = ["kind", "productCode", "edition", "type", "seats", "licenseId"] as const;

function lineFromForm(data: FormData): Record<string, unknown> {
  const line: Record<string, unknown> = {};
  for (const field of lineFields) {
    const value = data.get(`line.${field}`);
    if (value !== null) line[field] = field === "seats" ? Number(value) : String(value);
  }
  return line;
}

/** R6: checkout — for whom, pay by invoice, place the order once, then the confirmation page. */
export function CheckoutForm(props: CheckoutFormProps) {
  const t = useTranslations("shop.checkout");
  const [buyer, setBuyer] = useState<BuyerChoice>(props.canBuyForCompany ? "COMPANY" : "NEW_COMPANY");
  const [newCompany, setNewCompany] = useState({ country: "", vatNumber: "" });
  const form = useActionForm({ refresh: false });
  const errorOf = useFieldError(form.fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    const common = {
      lines: [lineFromForm(data)],
      idempotencyKey: text("idempotencyKey"),
      paymentMethod: text("paymentMethod"),
      billingAttention: text("billingAttention"),
      billingStreet: text("billingStreet"),
      billingPostalCode: text("billingPostalCode"),
      billingCity: text("billingCity"),
      purchaseOrderNumber: text("purchaseOrderNumber"),
    };
    const input = (
      text("buyer") === "COMPANY"
        ? { buyer: "COMPANY", companyId: text("companyId"), ...common }
        : { buyer: "NEW_COMPANY", companyName: text("companyName"), country: text("country"), vatNumber: text("vatNumber"), ...common }
    ) as PlaceOrderActionInput;
    await form.submit(() => placeOrderAction(input), {
      onSuccess: (placed) => {
        if (placed.status === "PLACED") return { redirect: `/shop/orders/${placed.orderId}` };
        return { tone: "error", text: placed.status === "ENTERPRISE_NOT_SOLD_ONLINE" ? t("enterpriseRefused") : t("adminRequired") };
      },
      onFailure: (error) => (formFields.some((field) => error.fieldErrors?.[field]) ? { tone: "error", text: t("problems") } : undefined),
    });
  }

  const buyerForVat = buyer === "COMPANY" && props.company ? props.company : buyer === "NEW_COMPANY" ? newCompany : null;
  const invoiceCountry = buyerForVat?.country
    ? (props.countries.find((country) => country.code === buyerForVat.country)?.label ?? buyerForVat.country)
    : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="space-y-8">
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      {Object.entries(props.line).map(([field, value]) => (
        <input key={field} type="hidden" name={`line.${field}`} value={String(value)} />
      ))}
      <FormMessageAlert message={form.message} />
      <section aria-labelledby="checkout-summary" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="checkout-summary" className="text-base font-semibold text-slate-900">
          {t("summaryHeading")}
        </h2>
        {props.summary}
        <CheckoutTotals netCents={props.netCents} buyer={buyerForVat} />
      </section>
      <CheckoutBuyerFields
        company={props.company}
        isCompanyFixed={props.isCompanyFixed}
        notice={props.notice}
        buyer={buyer}
        onBuyerChange={setBuyer}
        onNewCompanyChange={setNewCompany}
        countries={props.countries}
        errorOf={errorOf}
      />
      {/* Keyed by the buyer: the company's address on file, or empty fields for a new company. */}
      <CheckoutBillingFields
        key={buyer}
        addressOnFile={buyer === "COMPANY" ? props.billingAddress : null}
        countryLabel={invoiceCountry}
        errorOf={errorOf}
      />
      <fieldset className="space-y-2">
        <legend className="text-base font-semibold text-slate-900">{t("paymentHeading")}</legend>
        {/* The one built-in provider (lib/shop/payment-methods.ts); no card form. */}
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="radio"
            name="paymentMethod"
            value="INVOICE"
            defaultChecked
            className="mt-1"
            aria-describedby="payment-invoice-hint"
          />
          <span>
            <span className="font-medium">{t("INVOICE")}</span>
            <span id="payment-invoice-hint" className="block text-xs text-slate-500">
              {t("INVOICEHint", { days: props.paymentTermDays })}
            </span>
          </span>
        </label>
      </fieldset>
      <Button type="submit" disabled={form.isSubmitting}>
        {form.isSubmitting ? t("placing") : t("place")}
      </Button>
    </form>
  );
}
