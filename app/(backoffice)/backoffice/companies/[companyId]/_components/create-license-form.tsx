"use client";

import type { LicenseEdition, LicenseType, ProductKind } from "@prisma/client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { createLicenseAction } from "@/app/(backoffice)/backoffice/companies/[companyId]/actions";
import { SelectField } from "@/components/ui/select-field";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";
import { hasFixedSeatCount, MAX_LICENSE_SEATS } from "@/lib/backoffice/seat-rules";

export type LicenseFormProduct = { code: string; name: string; kind: ProductKind; types: readonly LicenseType[] };

const editions: LicenseEdition[] = ["STANDARD", "PREMIUM", "ENTERPRISE"];

/**
 * R31: a license of any type and edition, Enterprise included (R6: sold by the back office only).
 * The types offered follow the product's kind; a node-locked license has one seat (R3).
 */
export function CreateLicenseForm(props: {
  companyId: string;
  groups: { id: string; name: string }[];
  products: LicenseFormProduct[];
  defaultValidFrom: string;
  defaultValidUntil: string;
}) {
  const t = useTranslations("backoffice.newLicense");
  const tType = useTranslations("licenseType");
  const tEdition = useTranslations("edition");
  const form = useActionForm();
  const errorOf = useFieldError(form.fieldErrors);
  const [productCode, setProductCode] = useState(props.products[0]?.code ?? "");
  const product = props.products.find((candidate) => candidate.code === productCode);
  const [type, setType] = useState<LicenseType>(product?.types[0] ?? "NAMED_USER");
  const isNodeLocked = hasFixedSeatCount(type);

  function chooseProduct(code: string) {
    setProductCode(code);
    const types = props.products.find((candidate) => candidate.code === code)?.types ?? [];
    if (!types.includes(type)) setType(types[0] ?? "NAMED_USER");
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    values.set("companyId", props.companyId);
    if (isNodeLocked) values.set("seats", "1");
    await form.submit(() => createLicenseAction(values), {
      onSuccess: (data) => ({ tone: "success", text: t("created", { product: data.productName }) }),
      onFailure: (error) => (error.fieldErrors?.validUntil ? { tone: "error", text: t("validityInvalid") } : undefined),
    });
  }

  if (props.groups.length === 0) return <p className="text-sm text-slate-600">{t("needsGroup")}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="new-license-heading">
      <h3 id="new-license-heading" className="text-base font-semibold text-slate-900">
        {t("heading")}
      </h3>
      <FormMessageAlert message={form.message} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField id="groupId" label={t("group")} error={errorOf("groupId")}>
          {props.groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="productCode"
          label={t("product")}
          value={productCode}
          onChange={(event) => chooseProduct(event.target.value)}
          error={errorOf("productCode")}
        >
          {props.products.map((candidate) => (
            <option key={candidate.code} value={candidate.code}>
              {candidate.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="type"
          label={t("type")}
          value={type}
          onChange={(event) => setType(event.target.value as LicenseType)}
          error={errorOf("type")}
        >
          {(product?.types ?? []).map((candidate) => (
            <option key={candidate} value={candidate}>
              {tType(candidate)}
            </option>
          ))}
        </SelectField>
        <SelectField id="edition" label={t("edition")} defaultValue="STANDARD" error={errorOf("edition")}>
          {editions.map((edition) => (
            <option key={edition} value={edition}>
              {tEdition(edition)}
            </option>
          ))}
        </SelectField>
        <FormField
          id="seats"
          type="number"
          min={1}
          max={MAX_LICENSE_SEATS}
          required
          label={t("seats")}
          hint={isNodeLocked ? t("nodeLockedSeats") : undefined}
          {...(isNodeLocked ? { value: 1, readOnly: true } : { defaultValue: 1 })}
          key={isNodeLocked ? "node-locked" : "counted"}
          error={errorOf("seats")}
        />
        <div className="grid grid-cols-2 gap-3">
          <FormField id="validFrom" type="date" label={t("validFrom")} defaultValue={props.defaultValidFrom} error={errorOf("validFrom")} />
          <FormField
            id="validUntil"
            type="date"
            label={t("validUntil")}
            defaultValue={props.defaultValidUntil}
            error={errorOf("validUntil")}
          />
        </div>
      </div>
      <Button type="submit" disabled={form.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
