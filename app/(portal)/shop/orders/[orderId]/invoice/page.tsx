import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { InvoiceStatusLabel } from "@/components/shop/invoice-status-label";
import { OrderLinesTable } from "@/components/shop/order-lines-table";
import { formatEuroCents } from "@/components/shop/price-format";
import { PrintButton } from "@/components/shop/print-button";
import { BackLink } from "@/components/ui/back-link";
import { countryName } from "@/lib/i18n/country-name";
import { resolveLocale } from "@/lib/i18n/locales";
import { invoiceSeller } from "@/lib/shop/invoice-seller";
import { storedVatTreatment } from "@/lib/shop/vat";
import { loadOrder } from "../load-order";

type PageProps = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  const t = await getTranslations("invoice");
  return { title: t("title", { number: order.invoiceNumber }) };
}

/**
 * Decision 021: the order's invoice as a page that prints as one (the portal's
 * frame is hidden in print; the browser's "Save as PDF" makes the PDF). For the buyer and the
 * company's admins, like the order.
 */
export default async function InvoicePage({ params }: PageProps) {
  const order = await loadOrder((await params).orderId);
  const [t, format, locale] = await Promise.all([getTranslations("invoice"), getFormatter(), getLocale().then(resolveLocale)]);
  const seller = invoiceSeller();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  const treatment = storedVatTreatment({ vatRateBasisPoints: order.vatRateBasisPoints, country: order.company.country });
  const billTo = order.billingAddress;
  const facts: [string, string][] = [
    [t("invoiceNumber"), order.invoiceNumber],
    [t("invoiceDate"), day(order.createdAt)],
    [t("dueDate"), day(order.dueAt)],
    [t("orderNumber"), order.number],
    ...(order.purchaseOrderNumber ? ([[t("purchaseOrderNumber"), order.purchaseOrderNumber]] as [string, string][]) : []),
  ];

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <BackLink href={`/shop/orders/${order.id}`} label={t("back")} />
        <PrintButton label={t("print")} />
      </div>
      <article
        aria-labelledby="invoice-title"
        className="max-w-3xl space-y-8 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-800 shadow-sm sm:p-10 print:max-w-none print:border-0 print:p-0 print:shadow-none"
      >
        <header className="flex flex-wrap justify-between gap-6">
          <div>
            <p className="text-base font-semibold text-slate-900">{seller.name}</p>
            {seller.addressLines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            <p>{t("sellerVatNumber", { number: seller.vatNumber })}</p>
          </div>
          <div className="sm:text-right">
            <h1 id="invoice-title" className="text-2xl font-semibold tracking-tight text-slate-900">
              {t("heading")}
            </h1>
            <dl className="mt-2 grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5 sm:justify-end">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="font-medium tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </div>
        </header>
        <section aria-labelledby="invoice-bill-to">
          <h2 id="invoice-bill-to" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {t("billTo")}
          </h2>
          <address className="mt-1 not-italic">
            <span className="block font-medium text-slate-900">{billTo?.name ?? order.company.name}</span>
            {billTo?.attention ? <span className="block">{t("attention", { name: billTo.attention })}</span> : null}
            {billTo ? (
              <>
                <span className="block">{billTo.street}</span>
                <span className="block">
                  {billTo.postalCode} {billTo.city}
                </span>
              </>
            ) : null}
            <span className="block">{countryName(billTo?.country ?? order.company.country, locale)}</span>
            {order.companyVatNumber ? <span className="block">{t("buyerVatNumber", { number: order.companyVatNumber })}</span> : null}
          </address>
          <p className="mt-2 text-slate-600">{t("orderedBy", { name: order.buyer.name, email: order.buyer.email })}</p>
        </section>
        <div className="relative overflow-x-auto">
          <OrderLinesTable order={order} locale={locale} />
        </div>
        {treatment === "REVERSE_CHARGE" ? <p>{t("reverseCharge")}</p> : treatment === "EXPORT" ? <p>{t("export")}</p> : null}
        <section aria-labelledby="invoice-payment" className="space-y-2">
          <h2 id="invoice-payment" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {t("paymentHeading")}
          </h2>
          <p>
            <InvoiceStatusLabel status={order.invoice} />
          </p>
          {order.invoice.state === "OPEN" || order.invoice.state === "OVERDUE" ? (
            <p>
              {t("payBy", {
                amount: formatEuroCents(order.totalCents, locale),
                date: day(order.dueAt),
                iban: seller.iban,
                seller: seller.name,
                number: order.invoiceNumber,
              })}
            </p>
          ) : null}
        </section>
      </article>
    </>
  );
}
