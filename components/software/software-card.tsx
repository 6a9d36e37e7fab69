import { AppWindow, Download, ExternalLink, Monitor } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/software/copy-button";
import { buttonClassName } from "@/components/ui/button";
import type { MySoftwareItem } from "@/lib/assignments/list-my-software";
import { launchPath } from "@/lib/launch/launch-slug";

/**
 * R23: a product the user may use, with every license of it they hold (one card
 * per product, not two identical ones for two licenses). Web apps open through /launch/<product>
 * (R22); desktop apps lead to the download, each license with its activation key and a copy button
 * (R21). A product whose every license has ended opens nothing.
 */
export async function SoftwareCard({ items }: { items: readonly MySoftwareItem[] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const { product } = items[0]!;
  const isWeb = product.kind === "WEB";
  const Icon = isWeb ? AppWindow : Monitor;
  const isExpired = items.every((item) => item.isExpired);
  const titleId = `software-${items[0]!.assignmentId}`;

  return (
    <article
      aria-labelledby={titleId}
      className={`flex h-full flex-col rounded-lg border p-5 shadow-sm ${isExpired ? "border-slate-200 bg-slate-50" : "border-slate-200 bg-white"}`}
    >
      <div className="flex items-start gap-3">
        <span
          className="inline-flex size-10 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-600"
          aria-hidden="true"
        >
          <Icon className="size-5" />
        </span>
        <div className="min-w-0">
          <h2 id={titleId} className="font-semibold text-slate-900">
            {product.name}
          </h2>
          <p className="text-xs text-slate-600">{t(`productKind.${product.kind}`)}</p>
        </div>
        {isExpired ? (
          <span className="ml-auto shrink-0 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">
            {t("mySoftware.expired")}
          </span>
        ) : null}
      </div>

      <ul className="mt-4 space-y-3">
        {items.map((item) => {
          const date = format.dateTime(item.validUntil, { dateStyle: "medium" });
          return (
            <li key={item.assignmentId} className="text-sm text-slate-700">
              <p className="font-medium text-slate-800">
                {t(`licenseType.${item.type}`)} · {t(`edition.${item.edition}`)}
              </p>
              <p className={item.isExpired ? "text-red-700" : undefined}>
                {item.isExpired ? t("mySoftware.expiredOn", { date }) : t("mySoftware.validUntil", { date })}
              </p>
              {item.type === "FLOATING" && !item.isExpired ? <p>{t("mySoftware.sharedSeats", { seats: item.seats })}</p> : null}
              {!item.isExpired && !isWeb && item.activationKey ? (
                <dl className="mt-2">
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("mySoftware.activationKey")}</dt>
                  <dd className="mt-1 flex flex-wrap items-center gap-2">
                    <code className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-900 select-all">
                      {item.activationKey}
                    </code>
                    <CopyButton value={item.activationKey} what={t("mySoftware.activationKeyOf", { product: product.name })} />
                  </dd>
                </dl>
              ) : null}
            </li>
          );
        })}
      </ul>

      <div className="mt-auto pt-4">
        {isExpired ? (
          <p className="text-sm text-slate-600">{t("mySoftware.expiredHint")}</p>
        ) : isWeb ? (
          // A plain link: the launch is a full navigation that ends in the application.
          <a href={launchPath(product.code)} className={buttonClassName("primary")}>
            <ExternalLink className="size-4" aria-hidden="true" />
            {t("mySoftware.open")}
            <span className="sr-only"> {product.name}</span>
          </a>
        ) : product.downloadUrl ? (
          <a href={product.downloadUrl} className={buttonClassName("secondary")}>
            <Download className="size-4" aria-hidden="true" />
            {t("mySoftware.download")}
            <span className="sr-only"> {product.name}</span>
          </a>
        ) : null}
      </div>
    </article>
  );
}
