import { AppWindow, Download, ExternalLink, Monitor } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/software/copy-button";
import { buttonClassName } from "@/components/ui/button";
import type { MySoftwareItem } from "@/lib/assignments/list-my-software";
import { launchPath } from "@/lib/launch/launch-slug";

/**
 * R23: a license the user may use. Web apps open through /launch/<product> (R22); desktop apps
 * lead to the download, with the activation key and a copy button (R21). Expired ones open nothing.
 */
export async function SoftwareCard({ item }: { item: MySoftwareItem }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const isWeb = item.product.kind === "WEB";
  const Icon = isWeb ? AppWindow : Monitor;
  const date = format.dateTime(item.validUntil, { dateStyle: "medium" });
  const titleId = `software-${item.assignmentId}`;

  return (
    <article aria-labelledby={titleId} className={`flex h-full flex-col rounded-lg border p-5 shadow-sm ${item.isExpired ? "border-slate-200 bg-slate-50" : "border-slate-200 bg-white"}`}>
      <div className="flex items-start gap-3">
        <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-600" aria-hidden="true">
          <Icon className="size-5" />
        </span>
        <div className="min-w-0">
          <h2 id={titleId} className="font-semibold text-slate-900">
            {item.product.name}
          </h2>
          <p className="text-xs text-slate-600">
            {t(`productKind.${item.product.kind}`)} · {t(`licenseType.${item.type}`)} · {t(`edition.${item.edition}`)}
          </p>
        </div>
        {item.isExpired ? (
          <span className="ml-auto shrink-0 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">{t("mySoftware.expired")}</span>
        ) : null}
      </div>

      <p className="mt-4 text-sm text-slate-700">{item.isExpired ? t("mySoftware.expiredOn", { date }) : t("mySoftware.validUntil", { date })}</p>
      {item.type === "FLOATING" && !item.isExpired ? <p className="mt-1 text-sm text-slate-700">{t("mySoftware.sharedSeats", { seats: item.seats })}</p> : null}

      {!item.isExpired && !isWeb && item.activationKey ? (
        <dl className="mt-4">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("mySoftware.activationKey")}</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2">
            <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-900 select-all">{item.activationKey}</code>
            <CopyButton value={item.activationKey} what={t("mySoftware.activationKeyOf", { product: item.product.name })} />
          </dd>
        </dl>
      ) : null}

      <div className="mt-auto pt-4">
        {item.isExpired ? (
          <p className="text-sm text-slate-600">{t("mySoftware.expiredHint")}</p>
        ) : isWeb ? (
          // A plain link: the launch is a full navigation that ends in the application.
          <a href={launchPath(item.product.code)} className={buttonClassName("primary")}>
            <ExternalLink className="size-4" aria-hidden="true" />
            {t("mySoftware.open")}
            <span className="sr-only"> {item.product.name}</span>
          </a>
        ) : item.product.downloadUrl ? (
          <a href={item.product.downloadUrl} className={buttonClassName("secondary")}>
            <Download className="size-4" aria-hidden="true" />
            {t("mySoftware.download")}
            <span className="sr-only"> {item.product.name}</span>
          </a>
        ) : null}
      </div>
    </article>
  );
}
