import { AppWindow, Download, ExternalLink, Monitor } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button";
import type { MySoftwareItem } from "@/lib/assignments/list-my-software";

/** R23: a license the user may use; web apps open directly, desktop apps lead to the download. */
export async function SoftwareCard({ item }: { item: MySoftwareItem }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const isWeb = item.product.kind === "WEB";
  const Icon = isWeb ? AppWindow : Monitor;
  const href = isWeb ? item.product.launchUrl : item.product.downloadUrl;

  return (
    <article className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start gap-3">
        <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-600" aria-hidden="true">
          <Icon className="size-5" />
        </span>
        <div>
          <h2 className="font-semibold text-slate-900">{item.product.name}</h2>
          <p className="text-xs text-slate-500">
            {t(`productKind.${item.product.kind}`)} · {t(`licenseType.${item.type}`)} · {t(`edition.${item.edition}`)}
          </p>
        </div>
      </div>
      <p className="mt-4 text-sm text-slate-600">
        {t("mySoftware.validUntil", { date: format.dateTime(item.validUntil, { dateStyle: "medium" }) })}
      </p>
      {href ? (
        <a href={href} className={buttonClassName(isWeb ? "primary" : "secondary", "mt-4 self-start")} rel="noopener">
          {isWeb ? <ExternalLink className="size-4" aria-hidden="true" /> : <Download className="size-4" aria-hidden="true" />}
          {isWeb ? t("mySoftware.open") : t("mySoftware.download")}
        </a>
      ) : null}
    </article>
  );
}
