import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BackToShop } from "@/components/shop/back-to-shop";
import { ContactSalesForm } from "@/app/(portal)/shop/contact-sales/_components/contact-sales-form";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/lib/i18n/locales";
import { findCatalogueProduct, shopCatalogue } from "@/lib/shop/catalogue";
import { shopCountryOptions } from "@/lib/shop/shop-countries";
import { requireSessionUser } from "@/app/session";

type PageProps = { searchParams: Promise<{ product?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shop.contactSalesPage");
  return { title: t("title") };
}

/** R6: PROFIS Engineering Enterprise is sold by the sales team; this form asks them to get in touch. */
export default async function ContactSalesPage({ searchParams }: PageProps) {
  const user = await requireSessionUser();
  const [t, locale] = await Promise.all([getTranslations("shop.contactSalesPage"), getLocale() as Promise<Locale>]);
  const requested = (await searchParams).product;
  const productCode = findCatalogueProduct(String(Array.isArray(requested) ? requested[0] : requested))?.code ?? "PROFIS_ENGINEERING";
  const company = user.currentMembership?.company;
  const countries = shopCountryOptions(locale);

  return (
    <>
      <BackToShop label={t("back")} />
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="max-w-xl">
        <ContactSalesForm
          products={shopCatalogue.map((product) => ({ code: product.code, name: product.name }))}
          defaults={{ productCode, companyName: company?.name ?? "", country: company?.country ?? "NL", email: user.email }}
          countries={countries}
        />
      </div>
    </>
  );
}
