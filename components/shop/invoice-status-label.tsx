import { getFormatter, getTranslations } from "next-intl/server";
import type { InvoiceStatus } from "@/lib/shop/invoice-status";

const tones: Record<InvoiceStatus["state"], string> = {
  OPEN: "bg-amber-50 text-amber-900 ring-amber-200",
  OVERDUE: "bg-red-50 text-red-800 ring-red-200",
  PAID: "bg-green-50 text-green-800 ring-green-200",
  CANCELLED: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** "Openstaand, te betalen vóór 6 januari 2027", "Betaald op …": one wording on the list and the invoice. */
export async function InvoiceStatusLabel({ status }: { status: InvoiceStatus }) {
  const [t, format] = await Promise.all([getTranslations("orders.status"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  const text =
    status.state === "OPEN" || status.state === "OVERDUE"
      ? t(status.state, { date: day(status.dueAt) })
      : status.state === "PAID"
        ? status.paidAt
          ? t("PAID", { date: day(status.paidAt) })
          : t("PAIDUndated")
        : t("CANCELLED");
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[status.state]}`}>{text}</span>
  );
}
