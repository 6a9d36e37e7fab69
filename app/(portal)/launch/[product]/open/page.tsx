import { ExternalLink } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { findWebProductBySlug } from "@/lib/launch/find-web-product";
import { LaunchActions } from "@/app/(portal)/launch/[product]/_components/launch-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("launch");
  return { title: t("confirmTitle") };
}

/**
 * A link from another site does not open the software by itself (it would take a seat or
 * start the trial); the user confirms here. The button is a plain link to /launch/<product>: followed
 * from this page, the browser marks it same-origin, which no other site can make it do.
 */
export default async function ConfirmLaunchPage({ params }: { params: Promise<{ product: string }> }) {
  const { product: slug } = await params;
  const product = await findWebProductBySlug(slug);
  if (!product) notFound();
  const t = await getTranslations("launch");
  return (
    <section aria-labelledby="confirm-launch-title" className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <div className="flex items-start gap-3">
        <ExternalLink className="mt-1 size-6 shrink-0 text-slate-600" aria-hidden="true" />
        <div>
          <h1 id="confirm-launch-title" className="text-xl font-semibold text-slate-900">
            {t("confirmHeading", { product: product.name })}
          </h1>
          <p className="mt-2 text-sm text-slate-800">{t("confirmText", { product: product.name })}</p>
          <LaunchActions productCode={product.code} label={t("confirmOpen", { product: product.name })} />
        </div>
      </div>
    </section>
  );
}
