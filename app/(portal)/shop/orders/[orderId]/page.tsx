import { CheckCircle2, FileText } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { OrderLinesTable } from "@/components/shop/order-lines-table";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrder } from "./load-order";

type PageProps = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  const t = await getTranslations("shop.order");
  return { title: t("number", { number: order.number }) };
}

/** R7: the order confirmation, with "Let's get started" into Software management at the group. */
export default async function OrderPage({ params }: PageProps) {
  const order = await loadOrder((await params).orderId);
  const [t, format, locale] = await Promise.all([getTranslations("shop.order"), getFormatter(), getLocale()]);
  const startPath = order.licenseGroupId ? `/software-management/${order.licenseGroupId}` : "/software-management";

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("number", { number: order.number })} · {t(`status.${order.status}`)}
            <br />
            {t("placed", { date: format.dateTime(order.createdAt, { dateStyle: "long" }), company: order.company.name })}
          </>
        }
      />
      <div className="max-w-2xl space-y-6">
        <p role="status" className="flex items-start gap-2 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>
            {t("invoice")} {t("mailSent")}
          </span>
        </p>
        {order.purchaseOrderNumber ? (
          <p className="text-sm text-slate-700">{t("purchaseOrderNumber", { number: order.purchaseOrderNumber })}</p>
        ) : null}
        <OrderLinesTable order={order} locale={locale} />
        <div className="flex flex-wrap gap-2">
          <Link href={startPath} className={buttonClassName("primary")}>
            {t("getStarted")}
          </Link>
          {/* The invoice (decision 021), printable or saved as PDF. */}
          <Link href={`/shop/orders/${order.id}/invoice`} className={buttonClassName("secondary")}>
            <FileText className="size-4" aria-hidden="true" />
            {t("viewInvoice", { number: order.invoiceNumber })}
          </Link>
        </div>
      </div>
    </>
  );
}
