import { clsx } from "clsx";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { GridLicense } from "@/lib/assignments/license-group-grid";
import { SeatCount } from "@/components/licenses/seat-count";
import { checkoutHref } from "@/lib/shop/checkout-line";
import { isLicenseFull, licensePurchaseLinks } from "@/lib/shop/license-purchase-links";

const linkClassName = "rounded text-sm font-medium text-brand-700 underline-offset-4 hover:text-brand-600 hover:underline";

/**
 * On the group page: each column's seats (saying what they count) and end date, with "Buy 1 more seat" when it is full and
 * "Extend one year" (R6), both through the checkout with the company fixed. Enterprise is
 * sold by the sales team (R6).
 */
export async function GroupPurchaseSection({ licenses }: { licenses: GridLicense[] }) {
  const [t, tType, tEdition, format] = await Promise.all([
    getTranslations("shop.groupLicenses"),
    getTranslations("licenseType"),
    getTranslations("edition"),
    getFormatter(),
  ]);
  if (licenses.length === 0) return null;

  return (
    <section aria-labelledby="group-purchase-heading">
      <h2 id="group-purchase-heading" className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("license")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("seats")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("validUntil")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("actions")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {licenses.map((license) => {
              const name = `${license.productName} ${tEdition(license.edition)} · ${tType(license.type)}`;
              const links = licensePurchaseLinks(license, { onlyWhenFull: true });
              return (
                <tr key={license.id}>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                    {name}
                  </th>
                  <td className="whitespace-nowrap px-4 py-2 tabular-nums text-slate-700">
                    <SeatCount
                      type={license.type}
                      counts={{
                        seats: license.seats,
                        assigned: license.assignedCount,
                        activated: license.activatedCount,
                        inUseNow: license.seatHolders.length,
                      }}
                      headlineOnly
                    />
                    {isLicenseFull(license) ? (
                      <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">{t("full")}</span>
                    ) : null}
                  </td>
                  <td className={clsx("whitespace-nowrap px-4 py-2", license.isExpired ? "text-red-700" : "text-slate-700")}>
                    {format.dateTime(new Date(license.validUntil), { dateStyle: "medium" })}
                    {license.isExpired ? ` · ${t("expired")}` : null}
                  </td>
                  <td className="px-4 py-2">
                    {links.salesOnly ? (
                      <Link href="/shop/contact-sales?product=PROFIS_ENGINEERING" className={linkClassName}>
                        {t("contactSales")}
                      </Link>
                    ) : (
                      <span className="flex flex-wrap gap-x-4 gap-y-1">
                        {links.oneMoreSeat ? (
                          <Link
                            href={links.oneMoreSeat.href}
                            aria-label={t(links.oneMoreSeat.isNewLicense ? "buyOneLicenseLabel" : "buyOneSeatLabel", { license: name })}
                            className={linkClassName}
                          >
                            {t(links.oneMoreSeat.isNewLicense ? "buyOneLicense" : "buyOneSeat")}
                          </Link>
                        ) : null}
                        {license.parts.length > 1 ? (
                          // A column of several licenses (decision 020): each has its own term, extended on its own.
                          license.parts.map((part, index) => (
                            <Link
                              key={part.id}
                              href={checkoutHref({ kind: "RENEWAL", licenseId: part.id })}
                              aria-label={t("extendPartLabel", { index: index + 1, count: license.parts.length, license: name })}
                              className={linkClassName}
                            >
                              {t("extendPart", { index: index + 1, count: license.parts.length })}
                            </Link>
                          ))
                        ) : (
                          <Link href={links.extendOneYear} aria-label={t("extendLabel", { license: name })} className={linkClassName}>
                            {t("extend")}
                          </Link>
                        )}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
