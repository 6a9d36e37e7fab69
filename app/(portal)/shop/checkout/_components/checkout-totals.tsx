"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatEuroCents, formatVatRate } from "@/components/shop/price-format";
import { orderAmounts, vatRuleFor } from "@/lib/shop/vat";

/**
 * Net, VAT and total for the chosen buyer. The net comes from the server's pricing; the VAT rule
 * is the same function placeOrder applies (lib/shop/vat.ts), so the preview matches the order.
 */
export function CheckoutTotals({ netCents, buyer }: { netCents: number; buyer: { country: string; vatNumber: string | null } | null }) {
  const t = useTranslations("shop.checkout");
  const locale = useLocale();
  const money = (cents: number) => formatEuroCents(cents, locale);
  const amounts = buyer && buyer.country ? orderAmounts(netCents, vatRuleFor(buyer)) : null;
  const vatLabel =
    amounts === null
      ? t("vatUnknown")
      : amounts.treatment === "REVERSE_CHARGE"
        ? t("vatReverseCharge")
        : amounts.treatment === "EXPORT"
          ? t("vatExport")
          : t("vat", { rate: formatVatRate(amounts.rateBasisPoints, locale) });

  return (
    <dl className="space-y-1 border-t border-slate-200 pt-3 text-sm tabular-nums" aria-live="polite">
      <div className="flex justify-between gap-4">
        <dt className="text-slate-600">{t("net")}</dt>
        <dd className="text-slate-900">{money(netCents)}</dd>
      </div>
      <div className="flex justify-between gap-4">
        <dt className="text-slate-600">{vatLabel}</dt>
        <dd className="text-slate-900">{amounts ? money(amounts.vatCents) : "–"}</dd>
      </div>
      <div className="flex justify-between gap-4 text-base font-semibold">
        <dt className="text-slate-900">{t("total")}</dt>
        <dd className="text-slate-900">{amounts ? money(amounts.totalCents) : "–"}</dd>
      </div>
    </dl>
  );
}
