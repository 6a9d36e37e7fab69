import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { findDesktopProductBySlug } from "@/lib/launch/find-web-product";

type PageProps = { params: Promise<{ product: string }> };

const loadProduct = cache(async (slug: string) => {
  const product = await findDesktopProductBySlug(slug);
  if (!product) notFound();
  return product;
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const product = await loadProduct((await params).product);
  const t = await getTranslations("downloads");
  return { title: t("title", { product: product.name }) };
}

/**
 * R21 "Download desktop software": the license mail and My software link here. This portal stands
 * in for the vendor's download server; the desktop application is played by the reference client
 * in the repository (lib/reference-client), so the page says how to install and activate that.
 */
export default async function DownloadPage({ params }: PageProps) {
  const product = await loadProduct((await params).product);
  const t = await getTranslations("downloads");
  const commands = ["npm run client -- sign-in --server <portal> --email <you@company>", "npm run client -- activate --key <activation key>"];
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title", { product: product.name })}</h1>
      <p className="mt-4 text-sm text-slate-700">{t("intro", { product: product.name })}</p>
      <ol className="mt-4 list-decimal space-y-3 pl-5 text-sm text-slate-700">
        <li>{t("stepInstall")}</li>
        <li>
          {t("stepCommands")}
          <pre className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
            <code>{commands.join("\n")}</code>
          </pre>
        </li>
        <li>{t("stepKey")}</li>
      </ol>
      <p className="mt-6 text-sm">
        <Link href="/my-software" className="font-medium text-blue-700 underline hover:text-blue-900">
          {t("toMySoftware")}
        </Link>
      </p>
    </>
  );
}
