import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CatalogueOfferForm } from "@/components/shop/catalogue-offer-form";
import { buttonClassName } from "@/components/ui/button";
import type { CatalogueProduct as Product } from "@/lib/shop/catalogue";
import type { VatRule } from "@/lib/shop/vat";

/** One product of the shop (R6): its editions and, per edition, the license types with prices. */
export async function CatalogueProduct({ product, vatRule }: { product: Product; vatRule: VatRule | null }) {
  const [t, tEdition, tKind] = await Promise.all([getTranslations("shop"), getTranslations("edition"), getTranslations("productKind")]);
  const headingId = `product-${product.code.toLowerCase()}`;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {product.name}
      </h2>
      <p className="text-sm text-slate-500">{tKind(product.kind)}</p>
      <div className="mt-4 grid gap-6 lg:grid-cols-3">
        {product.editions.map((edition) => (
          <div key={edition.edition}>
            <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{tEdition(edition.edition)}</h3>
            {edition.purchasable ? (
              <div className="space-y-3">
                {edition.offers.map((offer) => (
                  <CatalogueOfferForm key={offer.type} product={product} edition={edition.edition} offer={offer} vatRule={vatRule} />
                ))}
              </div>
            ) : (
              // R6: Enterprise is sold by the back office; the shop offers the sales team instead.
              <div className="rounded-md border border-dashed border-slate-300 p-4">
                <p className="text-sm text-slate-700">{t("salesOnly")}</p>
                <Link
                  href={`/shop/contact-sales?product=${product.code}`}
                  className={buttonClassName("secondary", "mt-3")}
                  aria-label={t("contactSalesLabel", { product: product.name, edition: tEdition(edition.edition) })}
                >
                  {t("contactSales")}
                </Link>
              </div>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
