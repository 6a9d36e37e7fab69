import { CheckCircle2 } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderLinesTable } from "@/components/shop/order-lines-table";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { isDomainError } from "@/lib/errors";
import { getOrderForViewer, type ViewedOrder } from "@/lib/shop/get-order-for-viewer";
import { requireSessionUser } from "@/app/session";

type PageProps = { params: Promise<{ orderId: string }> };

async function loadOrder(orderId: string): Promise<ViewedOrder> {
  const user = await requireSessionUser();
  try {
    return await getOrderForViewer({ actor: user, orderId });
  } catch (error) {
    // R28: someone else's order and a missing one look the same.
    if (isDomainError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}

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
        <OrderLinesTable order={order} locale={locale} />
        <Link href={startPath} className={buttonClassName("primary")}>
          {t("getStarted")}
        </Link>
      </div>
    </>
  );
}
