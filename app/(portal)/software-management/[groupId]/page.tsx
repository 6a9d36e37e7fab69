import { ArrowLeft, Download, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LicenseGrid } from "@/components/data-grid/license-grid";
import { GroupDevicesSection } from "@/components/devices/group-devices-section";
import { buttonClassName } from "@/components/ui/button";
import { UserAddedNotice } from "@/components/users/user-added-notice";
import { PageHeader } from "@/components/ui/page-header";
import { listGroupDevices } from "@/lib/activations/list-group-devices";
import { getLicenseGroupGrid } from "@/lib/assignments/get-license-group-grid";
import type { LicenseGroupGrid } from "@/lib/assignments/license-group-grid";
import { isDomainError } from "@/lib/errors";
import { requireSessionUser } from "@/app/session";

type PageProps = { params: Promise<{ groupId: string }> };

/**
 * R28: a foreign group, a missing one and a non-admin all get the same 404. Cached per request,
 * so the title and the page read the (possibly 10,000-user) grid once.
 */
const loadGrid = cache(async (groupId: string): Promise<LicenseGroupGrid> => {
  const user = await requireSessionUser();
  try {
    return await getLicenseGroupGrid({ actor: user, groupId });
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const grid = await loadGrid((await params).groupId);
  const t = await getTranslations("softwareManagement");
  return { title: `${grid.group.name} · ${t("title")}` };
}

/** R13: one license group — its company's users × the group's licenses, assigned with Save and Yes. */
export default async function LicenseGroupPage({ params }: PageProps) {
  const { groupId } = await params;
  const [grid, t, user] = await Promise.all([loadGrid(groupId), getTranslations("groupPage"), requireSessionUser()]);
  const devices = await listGroupDevices({ actor: user, groupId: grid.group.id });
  const basePath = `/software-management/${grid.group.id}`;

  return (
    <>
      <Link href="/software-management" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden="true" />
        {t("back")}
      </Link>
      <PageHeader
        title={grid.group.name}
        description={
          <>
            {t("description", { number: grid.group.sapAccountNumber, company: grid.company.name })}
            {grid.group.orderReference ? ` · ${t("orderReference", { reference: grid.group.orderReference })}` : null}
          </>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <a href={`${basePath}/export.csv`} download className={buttonClassName("secondary")}>
              <Download className="size-4" aria-hidden="true" />
              {t("exportCsv")}
            </a>
            {/* R14, R15: Add user returns here with ?added=<email>, announced by UserAddedNotice. */}
            <Link href={`${basePath}/add-user`} className={buttonClassName("primary")}>
              <UserPlus className="size-4" aria-hidden="true" />
              {t("addUser")}
            </Link>
          </div>
        }
      />
      <UserAddedNotice />
      <section aria-labelledby="group-users-heading">
        <h2 id="group-users-heading" className="sr-only">
          {t("usersHeading")}
        </h2>
        <LicenseGrid grid={grid} />
      </section>
      {/* R4: below the user list, the devices where the group's licenses are active. */}
      <div className="mt-10">
        <GroupDevicesSection groupId={grid.group.id} devices={devices} />
      </div>
    </>
  );
}
