import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { BackToShop } from "@/components/shop/back-to-shop";
import { CheckoutForm } from "@/app/(portal)/shop/checkout/_components/checkout-form";
import { CheckoutLines } from "@/app/(portal)/shop/checkout/_components/checkout-lines";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isDomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { isSoldBySalesOnly } from "@/lib/shop/catalogue";
import { checkoutLineFromSearchParams, type CheckoutSearchParams } from "@/lib/shop/checkout-line";
import { getCheckoutCompany, type CheckoutCompany } from "@/lib/shop/get-checkout-company";
import { invoicePayment } from "@/lib/shop/payment-methods";
import { quoteCheckout, type CheckoutQuote } from "@/lib/shop/quote-checkout";
import { shopCountryOptions } from "@/lib/shop/shop-countries";
import { requireSessionUser } from "@/app/session";

type PageProps = { searchParams: Promise<CheckoutSearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shop.checkout");
  return { title: t("title") };
}

/** The server's price of the line; a license of another company and a USER's request get the same 404 (R28). */
async function quoteOrNotFound(user: CurrentUser, line: unknown): Promise<CheckoutQuote | null> {
  try {
    return await quoteCheckout({ actor: user, lines: [line] });
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) notFound();
    if (isDomainError(error, "INVALID")) return null;
    throw error;
  }
}

/** R6: checkout of one line — a new license, one more seat or one more year — paid by invoice. */
export default async function CheckoutPage({ searchParams }: PageProps) {
  const user = await requireSessionUser();
  const [t, locale] = await Promise.all([getTranslations("shop.checkout"), getLocale() as Promise<Locale>]);
  const line = checkoutLineFromSearchParams(await searchParams);
  // R6: Enterprise is never priced; its place is the sales form.
  if (line?.kind === "NEW_LICENSE" && isSoldBySalesOnly(line.edition)) redirect(`/shop/contact-sales?product=${line.productCode}`);
  const quote = line ? await quoteOrNotFound(user, line) : null;
  if (!line || !quote) {
    return (
      <>
        <BackToShop label={t("back")} />
        <PageHeader title={t("title")} />
        <EmptyState>{line ? t("notSoldOnline") : t("nothingChosen")}</EmptyState>
      </>
    );
  }

  // Decision 011: the current company is offered to its admins; a USER learns whom to ask.
  const current: CheckoutCompany | null =
    !quote.fixedCompany && user.currentMembership
      ? await getCheckoutCompany({ actor: user, companyId: user.currentMembership.company.id })
      : null;
  const company = quote.fixedCompany ?? (current?.canBuy ? current : null);
  const notice =
    current && !current.canBuy
      ? current.administrators.length > 0
        ? t("askAdministrator", {
            company: current.name,
            administrators: new Intl.ListFormat(locale, { type: "disjunction" }).format(current.administrators.map((admin) => admin.name)),
          })
        : t("askAdministratorNobody", { company: current.name })
      : null;
  const countries = shopCountryOptions(locale);
  const billingAddress = !company
    ? null
    : company === current
      ? current.billingAddress
      : (await getCheckoutCompany({ actor: user, companyId: company.id })).billingAddress;

  return (
    <>
      <BackToShop label={t("back")} />
      <PageHeader title={t("title")} />
      <div className="max-w-2xl">
        <CheckoutForm
          line={line}
          summary={<CheckoutLines lines={quote.lines} />}
          netCents={quote.netCents}
          company={company ? { id: company.id, name: company.name, country: company.country, vatNumber: company.vatNumber } : null}
          canBuyForCompany={company !== null}
          billingAddress={billingAddress}
          isCompanyFixed={quote.fixedCompany !== null}
          notice={notice}
          countries={countries}
          idempotencyKey={randomUUID()}
          paymentTermDays={invoicePayment.paymentTermDays}
        />
      </div>
    </>
  );
}
