import { Download, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, cacheSignal } from "react";
import { BackLink } from "@/components/ui/back-link";
import { LicenseGrid } from "@/app/(portal)/software-management/[groupId]/_components/grid/license-grid";
import { GroupDevicesSection } from "@/app/(portal)/software-management/[groupId]/_components/group-devices-section";
import { GroupPurchaseSection } from "@/components/shop/group-purchase-section";
import { buttonClassName } from "@/components/ui/button";
import { UserAddedNotice } from "@/components/users/user-added-notice";
import { PageHeader } from "@/components/ui/page-header";
import { listGroupDevices } from "@/lib/activations/list-group-devices";
import { getLicenseGroupGridHead } from "@/lib/assignments/get-license-group-grid";
import type { GridUserPage, LicenseGroupGridHead } from "@/lib/assignments/license-group-grid";
import { streamLicenseGroupUserPages } from "@/lib/assignments/stream-license-group-user-pages";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isDomainError } from "@/lib/errors";
import { otherCompanyPrompt } from "@/app/(portal)/_components/other-company";
import { requireSessionUser } from "@/app/session";

type PageProps = { params: Promise<{ groupId: string }> };

/** R28: a foreign group, a missing one and a non-admin all get the same 404. */
async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) notFound();
    throw error;
  }
}

/** The group without its users, cached per request so the title and the page read it once. */
const loadHead = cache(async (groupId: string): Promise<LicenseGroupGridHead> => {
  const user = await requireSessionUser();
  return orNotFound(getLicenseGroupGridHead({ actor: user, groupId }));
});

/**
 * Decision 008: the first page of users is awaited, so the grid renders with it; the later pages
 * are promises the grid receives while this response streams on. Each page checks the admin again.
 */
function loadFirstUserPage(user: CurrentUser, groupId: string): Promise<GridUserPage> {
  // React aborts this signal when the response has ended (all sent, or the browser went away).
  const signal = cacheSignal();
  return orNotFound(streamLicenseGroupUserPages({ actor: user, groupId, signal: signal instanceof AbortSignal ? signal : null }));
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const head = await loadHead((await params).groupId);
  const t = await getTranslations("softwareManagement");
  return { title: `${head.group.name} · ${t("title")}` };
}

/** R13: one license group — its company's users × the group's licenses, assigned with Save and Yes. */
export default async function LicenseGroupPage({ params }: PageProps) {
  const { groupId } = await params;
  const [head, t, user] = await Promise.all([loadHead(groupId), getTranslations("groupPage"), requireSessionUser()]);
  const prompt = await otherCompanyPrompt(user, head.company.id);
  if (prompt) return prompt;
  // Read after the head, so a page read at another group version than the head's means a save
  // came in between, which the grid notices (R26).
  const [firstUserPage, devices] = await Promise.all([
    loadFirstUserPage(user, head.group.id),
    listGroupDevices({ actor: user, groupId: head.group.id }),
  ]);
  const basePath = `/software-management/${head.group.id}`;

  return (
    <>
      <BackLink href="/software-management" label={t("back")} />
      <PageHeader
        title={head.group.name}
        description={
          <>
            {t("description", { number: head.group.sapAccountNumber, company: head.company.name })}
            {head.group.orderReference ? ` · ${t("orderReference", { reference: head.group.orderReference })}` : null}
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
        <LicenseGrid head={head} firstUserPage={firstUserPage} />
      </section>
      {/* R6: more seats and another year, bought through the shop's checkout. */}
      <div className="mt-10">
        <GroupPurchaseSection licenses={head.licenses} />
      </div>
      {/* R4: below the user list, the devices where the group's licenses are active. */}
      <div className="mt-10">
        <GroupDevicesSection groupId={head.group.id} devices={devices} />
      </div>
    </>
  );
}
