import { AppWindow, LogOut } from "lucide-react";
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { loadMessages } from "@/lib/i18n/load-messages";
import { launchPath } from "@/lib/launch/launch-slug";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { portalUrl, type VerifiedLaunch } from "@/app/(webapp)/_stand-in/launch-token-verifier";
import { SeatKeeper } from "@/app/(webapp)/_stand-in/seat-keeper";
import { readStandInSession, standInProduct, type StandInProduct } from "@/app/(webapp)/_stand-in/stand-in-session";

type Props = { params: Promise<{ product: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = standInProduct((await params).product);
  return { title: { absolute: product?.name ?? "Not found" }, robots: { index: false } };
}

/**
 * The stand-in web application: who is signed in and at which level (R1, R2, R20), the
 * seat it keeps while the tab is in use, and "Log out", which frees the seat.
 */
export default async function StandInWorkspacePage({ params, searchParams }: Props) {
  const [{ product: slug }, query] = await Promise.all([params, searchParams]);
  const product = standInProduct(slug);
  if (!product) notFound();
  const launch = await readStandInSession(product);
  const cookieLocale = await getLocale();
  const locale: Locale = launch?.locale ?? (isLocale(cookieLocale) ? cookieLocale : "nl");
  const t = await getTranslations({ locale, namespace: "standIn" });
  const reopenUrl = `${portalUrl()}${launchPath(product.code)}`;

  return (
    <div lang={locale} className="min-h-screen bg-slate-100">
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-2">
            <AppWindow className="size-5 text-sky-300" aria-hidden="true" />
            <span className="font-semibold">{product.name}</span>
            <span className="text-xs text-slate-300">· {t("note")}</span>
          </div>
          {launch ? (
            <form method="post" action={`/apps/${product.slug}/logout`}>
              <button
                type="submit"
                className="inline-flex items-center gap-2 rounded-md border border-slate-500 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800"
              >
                <LogOut className="size-4" aria-hidden="true" />
                {t("logOut")}
              </button>
            </form>
          ) : null}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-10">
        {launch ? (
          <Workspace launch={launch} product={product} locale={locale} reopenUrl={reopenUrl} />
        ) : (
          <section aria-labelledby="signed-out-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h1 id="signed-out-title" className="text-xl font-semibold text-slate-900">
              {query.signedOut ? t("logOut") : t("signedOutTitle")}
            </h1>
            <p className="mt-2 text-sm text-slate-700">
              {query.signedOut
                ? t("loggedOut")
                : query.error
                  ? t("launchRefused", { product: product.name })
                  : t("signedOut", { product: product.name })}
            </p>
            <a href={reopenUrl} className={buttonClassName("primary", "mt-5")}>
              {t("openAgain", { product: product.name })}
            </a>
          </section>
        )}
      </main>
    </div>
  );
}

async function Workspace({
  launch,
  product,
  locale,
  reopenUrl,
}: {
  launch: VerifiedLaunch;
  product: StandInProduct;
  locale: Locale;
  reopenUrl: string;
}) {
  const [t, format, messages] = await Promise.all([
    getTranslations({ locale, namespace: "standIn" }),
    getFormatter({ locale }),
    loadMessages(locale),
  ]);
  const levelDescription =
    launch.level === "licensed"
      ? t("licensedDescription")
      : launch.level === "trial" && launch.trialEndsAt
        ? t("trialDescription", { date: format.dateTime(new Date(launch.trialEndsAt), { dateStyle: "long" }) })
        : t("standardDescription");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("welcome", { name: launch.name })}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("signedInAs", { email: launch.email })}</p>
      </div>
      <section aria-labelledby="license-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="license-heading" className="text-sm font-medium uppercase tracking-wide text-slate-600">
          {t("licenseHeading")}
        </h2>
        <p className="mt-2 text-lg font-semibold text-slate-900" data-level={launch.level}>
          {t(`levels.${launch.level}`)}
        </p>
        <p className="mt-1 text-sm text-slate-700">{levelDescription}</p>
        {launch.lease ? (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <NextIntlClientProvider locale={locale} messages={{ standIn: messages.standIn }}>
              <SeatKeeper
                productSlug={product.slug}
                productName={product.name}
                reopenUrl={reopenUrl}
                initialExpiresAtText={format.dateTime(new Date(launch.lease.expiresAt), { timeStyle: "short" })}
              />
            </NextIntlClientProvider>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="workspace-heading" className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
        <h2 id="workspace-heading" className="font-semibold text-slate-900">
          {t("workspaceHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("workspacePlaceholder")}</p>
      </section>
    </div>
  );
}
