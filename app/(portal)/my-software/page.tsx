import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SoftwareCard } from "@/components/software/software-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listMySoftware, type MySoftwareItem } from "@/lib/assignments/list-my-software";
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
          {byProduct(items).map((licenses) => (
            <li key={licenses[0]!.product.code}>
              <SoftwareCard items={licenses} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One card per product, in the order of the product's first license (usable first). */
function byProduct(items: MySoftwareItem[]): MySoftwareItem[][] {
  const groups = new Map<string, MySoftwareItem[]>();
  for (const item of items) groups.set(item.product.code, [...(groups.get(item.product.code) ?? []), item]);
  return [...groups.values()];
}
