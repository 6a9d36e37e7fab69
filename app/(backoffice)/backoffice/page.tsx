import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { canAccessBackoffice } from "@/lib/auth/permissions";
import { getSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice");
  return { title: t("title") };
}

export default async function BackofficePage() {
  // Checked again here: a layout's check alone does not guard a page's own data (R28).
  if (!canAccessBackoffice(await getSessionUser())) notFound();
  const t = await getTranslations("backoffice");
  return <PageHeader title={t("title")} description={t("intro")} />;
}
