import { Download, KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CopyButton } from "@/components/software/copy-button";
import { BackLink } from "@/components/ui/back-link";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listMyActivationKeys } from "@/lib/assignments/list-my-software";
import { env } from "@/lib/env";
import { findDesktopProductBySlug } from "@/lib/launch/find-web-product";
import { desktopRelease } from "@/lib/products/desktop-releases";
import { requireSessionUser } from "@/app/session";

type PageProps = { params: Promise<{ product: string }> };

const loadProduct = cache(async (slug: string) => {
  const product = await findDesktopProductBySlug(slug);
  const release = product ? desktopRelease(product.code) : null;
  if (!product || !release) notFound();
  return { ...product, release };
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const product = await loadProduct((await params).product);
  const t = await getTranslations("downloads");
  return { title: t("title", { product: product.name }) };
}

/**
 * R21, R22 "Download desktop software": the license mail and My software link
 * here. The product and its version with the installer, the signed-in user's activation key for it
 * in the current company with a copy button, and the three steps: install, sign in, enter the key.
 */
export default async function DownloadPage({ params }: PageProps) {
  const { product: slug } = await params;
  const [product, user, t, format] = await Promise.all([
    loadProduct(slug),
    requireSessionUser(),
    getTranslations("downloads"),
    getFormatter(),
  ]);
  const company = user.currentMembership?.company ?? null;
  const keys = company ? await listMyActivationKeys({ actor: user, companyId: company.id, productCode: product.code }) : [];
  const { release } = product;

  return (
    <>
      <BackLink href="/my-software" label={t("toMySoftware")} />
      <PageHeader title={t("title", { product: product.name })} description={t("intro", { product: product.name })} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="installer-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="installer-heading" className="text-base font-semibold text-slate-900">
            {t("installerHeading")}
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("version")}</dt>
            <dd className="font-medium text-slate-900">{release.version}</dd>
            <dt className="text-slate-500">{t("releasedOn")}</dt>
            <dd className="text-slate-700">{format.dateTime(new Date(release.releasedOn), { dateStyle: "long" })}</dd>
            <dt className="text-slate-500">{t("platform")}</dt>
            <dd className="text-slate-700">{release.platform}</dd>
          </dl>
          <a href={`/downloads/${slug}/installer`} download className={buttonClassName("primary", "mt-4")}>
            <Download className="size-4" aria-hidden="true" />
            {t("downloadInstaller", { product: product.name, version: release.version })}
          </a>
        </section>
        <section aria-labelledby="key-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="key-heading" className="flex items-center gap-2 text-base font-semibold text-slate-900">
            <KeyRound className="size-4 text-slate-500" aria-hidden="true" />
            {t("keyHeading")}
          </h2>
          {keys.length === 0 ? (
            <p className="mt-3 text-sm text-slate-700">
              {company ? t("noKey", { product: product.name, company: company.name }) : t("noCompany")}
            </p>
          ) : (
            <ul className="mt-3 space-y-3">
              {keys.map(({ licenseId, activationKey: key }) => (
                <li key={licenseId} className="flex flex-wrap items-center gap-3">
                  <code className="break-all rounded-md bg-slate-100 px-2.5 py-1.5 font-mono text-sm text-slate-900">{key}</code>
                  <CopyButton value={key} what={t("keyOf", { product: product.name })} />
                </li>
              ))}
            </ul>
          )}
          {company && keys.length > 0 ? <p className="mt-3 text-xs text-slate-500">{t("keyFor", { company: company.name })}</p> : null}
        </section>
      </div>
      <section aria-labelledby="steps-heading" className="mt-8">
        <h2 id="steps-heading" className="text-base font-semibold text-slate-900">
          {t("stepsHeading")}
        </h2>
        <ol className="mt-3 grid gap-4 sm:grid-cols-3">
          {[t("stepInstall", { product: product.name }), t("stepSignIn", { email: user.email }), t("stepKey")].map((text, index) => (
            <li key={text} className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm">
              <span
                className="mb-2 flex size-7 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white"
                aria-hidden="true"
              >
                {index + 1}
              </span>
              {text}
            </li>
          ))}
        </ol>
      </section>
      {/* For developers and demonstrations: the repository's reference client plays the desktop application. */}
      <details className="mt-8 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium text-slate-900">{t("referenceClientSummary")}</summary>
        <p className="mt-2">{t("referenceClient")}</p>
        <pre className="mt-2 whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 text-xs text-slate-100">
          <code>
            {[
              `npm run client -- sign-in --server ${env().APP_BASE_URL} --email ${user.email}`,
              `npm run client -- activate --key ${keys[0]?.activationKey ?? "…"}`,
            ].join("\n")}
          </code>
        </pre>
      </details>
    </>
  );
}
