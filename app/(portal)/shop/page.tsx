import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CatalogueProduct } from "@/components/shop/catalogue-product";
import { formatVatRate } from "@/components/shop/price-format";
import { PageHeader } from "@/components/ui/page-header";
import { countryName } from "@/lib/i18n/country-name";
import type { Locale } from "@/lib/i18n/locales";
import { getCheckoutCompany } from "@/lib/shop/get-checkout-company";
import { shopCatalogue } from "@/lib/shop/catalogue";
import { vatRuleFor } from "@/lib/shop/vat";
import { requireSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shop");
  return { title: t("title") };
}

/** R6: the catalogue, priced for the current company's country (VAT), one-year term. */
export default async function ShopPage() {
  const user = await requireSessionUser();
  const [t, locale] = await Promise.all([getTranslations("shop"), getLocale() as Promise<Locale>]);
  const membership = user.currentMembership;
  const company = membership ? await getCheckoutCompany({ actor: user, companyId: membership.company.id }) : null;
  const vatRule = company ? vatRuleFor(company) : null;

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <p className="mb-2 text-sm text-slate-700">
        {company && vatRule
          ? t(`vat.${vatRule.treatment}`, {
              company: company.name,
              rate: formatVatRate(vatRule.rateBasisPoints, locale),
              country: countryName(company.country, locale),
            })
          : t("vat.noCompany")}
      </p>
      <p className="mb-6 text-sm text-slate-500">{t("term")}</p>
      <div className="space-y-6">
        {shopCatalogue.map((product) => (
          <CatalogueProduct key={product.code} product={product} vatRule={vatRule} />
        ))}
      </div>
    </>
  );
}
