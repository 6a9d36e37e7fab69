import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/audit/audit-log";
import { BackLink } from "@/components/ui/back-link";
import { NotSoftwareAdmin } from "@/app/(portal)/_components/not-software-admin";
import { PageHeader } from "@/components/ui/page-header";
import { parseAuditSearchParams } from "@/lib/audit/audit-search-params";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { canManageSoftware } from "@/lib/auth/permissions";
import { listLicenseGroups } from "@/lib/licenses/list-license-groups";
import { requireSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** R24: the current company's audit trail, for its admins only (others get the 404 of a missing page). */
export default async function AuditPage({ searchParams }: PageProps) {
  const user = await requireSessionUser();
  const membership = user.currentMembership;
  // A member who is not a software administrator here is told so, with the way out.
  if (!membership || !canManageSoftware(membership)) return <NotSoftwareAdmin user={user} />;
  const companyId = membership.company.id;
  const { filters, cursor } = parseAuditSearchParams(await searchParams);

  const [page, groups, t, tType] = await Promise.all([
    listAuditEvents({ actor: user, companyId, filters, cursor }),
    listLicenseGroups({ actor: user, companyId }),
    getTranslations("audit"),
    getTranslations("licenseType"),
  ]);
  const licenses = groups.flatMap((group) =>
    group.licenses.map((license) => ({ id: license.id, label: `${license.product.name} · ${tType(license.type)} · ${group.name}` })),
  );

  return (
    <>
      <BackLink href="/software-management" label={t("back")} />
      <PageHeader title={t("title")} description={t("intro", { company: membership.company.name })} />
      <AuditLog entries={page.events} filters={filters} licenses={licenses} nextCursor={page.nextCursor} isFirstPage={!cursor} />
    </>
  );
}
