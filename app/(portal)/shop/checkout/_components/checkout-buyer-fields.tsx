"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import { FormField } from "@/components/ui/form-field";

export type CheckoutCompanyOption = { id: string; name: string; country: string; vatNumber: string | null };
export type BuyerChoice = "COMPANY" | "NEW_COMPANY";

type CheckoutBuyerFieldsProps = {
  /** The company the buyer may buy for, or null. */
  company: CheckoutCompanyOption | null;
  /** A company line (more seats, renewal) can only be for its company. */
  isCompanyFixed: boolean;
  /** Decision 011: a USER is told whom to ask and may buy for a new company. */
  notice: string | null;
  buyer: BuyerChoice;
  onBuyerChange: (buyer: BuyerChoice) => void;
  onNewCompanyChange: (fields: { country: string; vatNumber: string }) => void;
  countries: { code: string; label: string }[];
  errorOf: (field: string) => string | null;
};

/** For whom the order is: the current company (its admins only) or a new one made with the order. */
export function CheckoutBuyerFields(props: CheckoutBuyerFieldsProps) {
  const t = useTranslations("shop.checkout");
  const { company, buyer } = props;
  const readNewCompany = (form: HTMLFormElement | null) => {
    if (!form) return;
    const data = new FormData(form);
    props.onNewCompanyChange({ country: String(data.get("country") ?? ""), vatNumber: String(data.get("vatNumber") ?? "") });
  };

  if (props.isCompanyFixed && company) {
    return (
      <>
        <input type="hidden" name="buyer" value="COMPANY" />
        <input type="hidden" name="companyId" value={company.id} />
        <p className="text-sm text-slate-700">{t("fixedCompany", { company: company.name })}</p>
      </>
    );
  }

  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold text-slate-900">{t("buyerHeading")}</legend>
      {props.notice ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {props.notice}
        </p>
      ) : null}
      {company ? (
        <>
          <input type="hidden" name="companyId" value={company.id} />
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="buyer"
              value="COMPANY"
              checked={buyer === "COMPANY"}
              onChange={() => props.onBuyerChange("COMPANY")}
            />
            {t("forCompany", { company: company.name })}
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="buyer"
              value="NEW_COMPANY"
              checked={buyer === "NEW_COMPANY"}
              onChange={() => props.onBuyerChange("NEW_COMPANY")}
            />
            {t("forNewCompany")}
          </label>
        </>
      ) : (
        <input type="hidden" name="buyer" value="NEW_COMPANY" />
      )}
      {buyer === "NEW_COMPANY" ? (
        <div
          className="space-y-4 rounded-md border border-slate-200 p-4"
          onChange={(event) => readNewCompany((event.target as HTMLInputElement).form)}
        >
          <p className="text-xs text-slate-500">{t("newCompanyHint")}</p>
          <FormField id="companyName" required autoComplete="organization" label={t("companyName")} error={props.errorOf("companyName")} />
          <SelectField id="country" label={t("country")} required defaultValue="" error={props.errorOf("country")}>
            <option value="">{t("chooseCountry")}</option>
            {props.countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.label}
              </option>
            ))}
          </SelectField>
          <FormField
            id="vatNumber"
            autoComplete="off"
            label={t("vatNumber")}
            hint={t("vatNumberHint")}
            error={props.errorOf("vatNumber")}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
