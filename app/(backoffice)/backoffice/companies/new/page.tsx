import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackofficeLinks } from "@/components/backoffice/backoffice-links";
import { CreateCompanyForm } from "@/app/(backoffice)/backoffice/companies/new/_components/create-company-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/app/(backoffice)/staff-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice.newCompany");
  return { title: t("heading") };
}

/** R11, R31: a new company account. */
export default async function NewCompanyPage() {
  await requireStaffPage();
  const t = await getTranslations("backoffice.newCompany");
  return (
    <>
      <PageHeader title={t("heading")} description={t("intro")} />
      <BackofficeLinks current="newCompany" />
      <CreateCompanyForm />
    </>
  );
}
