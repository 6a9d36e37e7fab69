import { Receipt, ScrollText, Users } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LicenseGroupSection } from "@/components/licenses/license-group-section";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NotSoftwareAdmin } from "@/app/(portal)/_components/not-software-admin";
import { PageHeader } from "@/components/ui/page-header";
import { canManageSoftware } from "@/lib/auth/permissions";
import { listLicenseGroups } from "@/lib/licenses/list-license-groups";
import { requireSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("softwareManagement");
  return { title: t("title") };
}

export default async function SoftwareManagementPage() {
  const user = await requireSessionUser();
  const membership = user.currentMembership;
  // A member who is not a software administrator here is told so, with the way out.
  if (!membership || !canManageSoftware(membership)) return <NotSoftwareAdmin user={user} />;

  const [groups, t, tAudit, tUsers, tOrders] = await Promise.all([
    listLicenseGroups({ actor: user, companyId: membership.company.id }),
    getTranslations("softwareManagement"),
    getTranslations("audit"),
    getTranslations("companyUsers"),
    getTranslations("orders"),
  ]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro", { company: membership.company.name })}
        actions={
          <div className="flex flex-wrap gap-2">
            {/* Who the company's admins are, given and taken there. */}
            <Link href="/software-management/users" className={buttonClassName("secondary")}>
              <Users className="size-4" aria-hidden="true" />
              {tUsers("link")}
            </Link>
            {/* R24: the company's audit trail, for the same admins. */}
            <Link href="/software-management/audit" className={buttonClassName("secondary")}>
              <ScrollText className="size-4" aria-hidden="true" />
              {tAudit("link")}
            </Link>
            {/* What the company bought and what it still has to pay. */}
            <Link href="/software-management/orders" className={buttonClassName("secondary")}>
              <Receipt className="size-4" aria-hidden="true" />
              {tOrders("link")}
            </Link>
          </div>
        }
      />
      <h2 className="mb-4 text-sm font-semibold uppercase tracking-wide text-slate-500">{t("groupsHeading")}</h2>
      {groups.length === 0 ? (
        <EmptyState>{t("emptyGroups")}</EmptyState>
      ) : (
        <div className="space-y-8">
          {groups.map((group) => (
            <LicenseGroupSection key={group.id} group={group} />
          ))}
        </div>
      )}
    </>
  );
}
