import { getTranslations } from "next-intl/server";
import { formatEuroCents, formatVatRate } from "@/components/shop/price-format";
import { storedVatTreatment } from "@/lib/shop/vat";
import type { ViewedOrder } from "@/lib/shop/get-order-for-viewer";

/** The order's lines and amounts as stored with the order (R6): what the invoice will say. */
export async function OrderLinesTable({ order, locale }: { order: ViewedOrder; locale: string }) {
  const [t, tCheckout, tType, tEdition] = await Promise.all([
    getTranslations("shop.order"),
    getTranslations("shop.checkout"),
    getTranslations("licenseType"),
    getTranslations("edition"),
  ]);
  const money = (cents: number) => formatEuroCents(cents, locale);
  const treatment = storedVatTreatment({ vatRateBasisPoints: order.vatRateBasisPoints, country: order.company.country });
  const vatLabel =
    treatment === "REVERSE_CHARGE"
      ? tCheckout("vatReverseCharge")
      : treatment === "EXPORT"
        ? tCheckout("vatExport")
        : tCheckout("vat", { rate: formatVatRate(order.vatRateBasisPoints, locale) });

  return (
    <table className="min-w-full divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
      <caption className="px-4 py-3 text-left text-base font-semibold text-slate-900">{t("linesHeading")}</caption>
      <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-4 py-2">
            {t("product")}
          </th>
          <th scope="col" className="px-4 py-2 text-right">
            {t("quantity")}
          </th>
          <th scope="col" className="px-4 py-2 text-right">
            {t("amount")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {order.lines.map((line) => (
          <tr key={line.id}>
            <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
              {line.productName} {tEdition(line.edition)}
              <span className="block text-xs font-normal text-slate-500">
                {tType(line.type)}
                {line.kind !== "NEW_LICENSE" ? ` · ${t(`kind${line.kind}`)}` : null}
              </span>
            </th>
            <td className="px-4 py-2 text-right tabular-nums">
              {tCheckout("quantity", { seats: line.seats, price: money(line.unitPriceCents) })}
            </td>
            <td className="px-4 py-2 text-right tabular-nums">{money(line.seats * line.unitPriceCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot className="tabular-nums">
        <tr>
          <th scope="row" colSpan={2} className="px-4 py-1 text-right font-normal text-slate-600">
            {tCheckout("net")}
          </th>
          <td className="px-4 py-1 text-right">{money(order.netCents)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={2} className="px-4 py-1 text-right font-normal text-slate-600">
            {vatLabel}
          </th>
          <td className="px-4 py-1 text-right">{money(order.vatCents)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={2} className="px-4 py-2 text-right font-semibold text-slate-900">
            {tCheckout("total")}
          </th>
          <td className="px-4 py-2 text-right font-semibold">{money(order.totalCents)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
