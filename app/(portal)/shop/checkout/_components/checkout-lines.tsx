import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatEuroCents } from "@/components/shop/price-format";
import type { QuotedLine } from "@/lib/shop/quote-checkout";

/** The checkout's lines as the server priced them (R6): what, how many, at which price, until when. */
export async function CheckoutLines({ lines }: { lines: QuotedLine[] }) {
  const [t, tType, tEdition, format, locale] = await Promise.all([
    getTranslations("shop.checkout"),
    getTranslations("licenseType"),
    getTranslations("edition"),
    getFormatter(),
    getLocale(),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });

  return (
    <ul className="divide-y divide-slate-100">
      {lines.map((line, index) => {
        const values = { product: line.productName, edition: tEdition(line.edition), type: tType(line.type) };
        const label =
          line.kind === "ADD_SEATS" ? t("lineAddSeats", values) : line.kind === "RENEWAL" ? t("lineRenewal", values) : t("lineNew", values);
        const hint =
          line.kind === "ADD_SEATS"
            ? t("lineAddSeatsHint", { date: date(line.validUntilAfterOrder) })
            : line.kind === "RENEWAL" && line.validUntil
              ? t("lineRenewalHint", { date: date(line.validUntilAfterOrder), current: date(line.validUntil) })
              : t("lineNewHint", { date: date(line.validUntilAfterOrder) });
        return (
          <li key={index} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
            <div>
              <p className="text-sm font-medium text-slate-900">{label}</p>
              <p className="text-xs text-slate-500">{hint}</p>
              {line.proRata ? (
                // A seat added mid-term costs the days left, shown before buying.
                <p className="text-xs text-slate-600">
                  {t("proRata", { days: line.proRata.daysLeft, yearPrice: formatEuroCents(line.proRata.yearUnitPriceCents, locale) })}
                </p>
              ) : null}
            </div>
            <div className="text-right text-sm tabular-nums">
              <p className="text-slate-600">{t("quantity", { seats: line.seats, price: formatEuroCents(line.unitPriceCents, locale) })}</p>
              <p className="font-medium text-slate-900">{formatEuroCents(line.netCents, locale)}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
