import { getLocale, getTranslations } from "next-intl/server";
import type { LicenseEdition } from "@prisma/client";
import { buttonClassName } from "@/components/ui/button";
import { formatEuroCents, formatVatRate } from "@/components/shop/price-format";
import { maxSeatsPerLine, type CatalogueOffer, type CatalogueProduct } from "@/lib/shop/catalogue";
import { orderAmounts, type VatRule } from "@/lib/shop/vat";

type CatalogueOfferFormProps = { product: CatalogueProduct; edition: LicenseEdition; offer: CatalogueOffer; vatRule: VatRule | null };

/**
 * One license type of an edition: its price and a seat count, sent to the checkout in the address
 * (a plain GET form, so it works before any script has loaded). The checkout prices it again.
 */
export async function CatalogueOfferForm({ product, edition, offer, vatRule }: CatalogueOfferFormProps) {
  const [t, tType, tEdition, locale] = await Promise.all([
    getTranslations("shop"),
    getTranslations("licenseType"),
    getTranslations("edition"),
    getLocale(),
  ]);
  const id = `${product.code}-${edition}-${offer.type}`.toLowerCase();
  const isNodeLocked = offer.type === "NODE_LOCKED";
  const price = formatEuroCents(offer.unitPriceCents, locale);
  const gross = vatRule && vatRule.rateBasisPoints > 0 ? orderAmounts(offer.unitPriceCents, vatRule).totalCents : null;
  const typeLabel = tType(offer.type);

  return (
    <form action="/shop/checkout" method="get" className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
      <input type="hidden" name="kind" value="NEW_LICENSE" />
      <input type="hidden" name="product" value={product.code} />
      <input type="hidden" name="edition" value={edition} />
      <input type="hidden" name="type" value={offer.type} />
      <div>
        <h4 className="text-sm font-semibold text-slate-900">{typeLabel}</h4>
        <p className="mt-1 text-sm text-slate-700">{t(isNodeLocked ? "pricePerLicense" : "pricePerSeat", { price })}</p>
        {gross !== null && vatRule ? (
          <p className="text-xs text-slate-500">
            {t("priceInclVat", { price: formatEuroCents(gross, locale), rate: formatVatRate(vatRule.rateBasisPoints, locale) })}
          </p>
        ) : null}
      </div>
      <div className="flex items-end gap-2">
        <div className="w-28">
          <label htmlFor={`${id}-seats`} className="block text-xs font-medium text-slate-700">
            {t(isNodeLocked ? "licenses" : "seats")}
          </label>
          <input
            id={`${id}-seats`}
            name="seats"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxSeatsPerLine(offer.type)}
            defaultValue={1}
            required
            aria-describedby={isNodeLocked ? `${id}-hint` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
          />
        </div>
        <button
          type="submit"
          className={buttonClassName("primary")}
          aria-label={t("buyLabel", { product: product.name, edition: tEdition(edition), type: typeLabel })}
        >
          {t("buy")}
        </button>
      </div>
      {isNodeLocked ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {t("nodeLockedHint")}
        </p>
      ) : null}
    </form>
  );
}
