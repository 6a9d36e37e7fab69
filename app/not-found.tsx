import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { CenteredPanel } from "@/components/ui/centered-panel";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <CenteredPanel>
      <SearchX className="size-8 text-slate-400" aria-hidden="true" />
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("description")}</p>
      <Link href="/" className={buttonClassName("primary", "mt-6")}>
        {t("home")}
      </Link>
    </CenteredPanel>
  );
}
