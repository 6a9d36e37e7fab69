import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SoftwareCard } from "@/components/software/software-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listMySoftware } from "@/lib/assignments/list-my-software";
import { requireSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mySoftware");
  return { title: t("title") };
}

export default async function MySoftwarePage() {
  const user = await requireSessionUser();
  const t = await getTranslations("mySoftware");
  const membership = user.currentMembership;
  if (!membership) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState>{t("noCompany")}</EmptyState>
      </>
    );
  }

  const items = await listMySoftware({ actor: user, companyId: membership.company.id });
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { company: membership.company.name })} />
      {items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((item) => (
            <li key={item.assignmentId}>
              <SoftwareCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
