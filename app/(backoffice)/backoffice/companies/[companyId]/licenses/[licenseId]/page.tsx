import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { SeatChangeForm } from "@/app/(backoffice)/backoffice/companies/[companyId]/licenses/[licenseId]/_components/seat-change-form";
import { ValidityForm } from "@/app/(backoffice)/backoffice/companies/[companyId]/licenses/[licenseId]/_components/validity-form";
import { PageHeader } from "@/components/ui/page-header";
import { displayName } from "@/lib/auth/current-user";
import { calendarDateOf } from "@/lib/backoffice/calendar-date";
import { getBackofficeLicense } from "@/lib/backoffice/get-backoffice-license";
import { orNotFound, requireStaffPage } from "@/app/(backoffice)/staff-page";

type PageProps = { params: Promise<{ companyId: string; licenseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice.license");
  return { title: t("title") };
}

/** R31: a license's seats (R25: never below usage without choosing whom to unassign) and validity. */
export default async function BackofficeLicensePage({ params }: PageProps) {
  const user = await requireStaffPage();
  const { companyId, licenseId } = await params;
  const license = await orNotFound(getBackofficeLicense({ actor: user, companyId, licenseId }));
  const [t, tType, tEdition, format] = await Promise.all([
    getTranslations("backoffice.license"),
    getTranslations("licenseType"),
    getTranslations("edition"),
    getFormatter(),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });

  return (
    <>
      <BackLink href={`/backoffice/companies/${companyId}`} label={t("back", { company: license.company.name })} />
      <PageHeader
        title={t("heading", { product: license.productName, type: tType(license.type), edition: tEdition(license.edition) })}
        description={t("description", { group: license.group.name, company: license.company.name })}
      />
      <dl className="mb-8 grid gap-x-8 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t("seatsInUse")}</dt>
        <dd className="tabular-nums text-slate-900">{t("seatsValue", { used: license.seatsUsed, seats: license.seats })}</dd>
        <dt className="font-medium text-slate-700">{t("validity")}</dt>
        <dd className="text-slate-900">
          {t("validityValue", { from: date(license.validFrom), until: date(license.validUntil) })}
          {license.isExpired ? (
            <span className="ml-2 rounded bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800">{t("expired")}</span>
          ) : null}
        </dd>
      </dl>

      <section aria-labelledby="seats-heading" className="mb-10">
        <h2 id="seats-heading" className="mb-1 text-lg font-semibold text-slate-900">
          {t("seatsHeading")}
        </h2>
        <p className="mb-4 max-w-2xl text-sm text-slate-600">{t(license.type === "FLOATING" ? "seatsIntroFloating" : "seatsIntro")}</p>
        <SeatChangeForm
          licenseId={license.id}
          version={license.version}
          type={license.type}
          seats={license.seats}
          seatsUsed={license.seatsUsed}
          assignees={license.assignees.map((assignee) => ({
            userId: assignee.userId,
            name: displayName(assignee),
            email: assignee.email,
            hasLiveLease: assignee.hasLiveLease,
            hasActiveActivation: assignee.hasActiveActivation,
          }))}
        />
      </section>

      <section aria-labelledby="validity-heading">
        <h2 id="validity-heading" className="mb-1 text-lg font-semibold text-slate-900">
          {t("validityHeading")}
        </h2>
        <p className="mb-4 max-w-2xl text-sm text-slate-600">{t("validityIntro")}</p>
        <ValidityForm
          licenseId={license.id}
          version={license.version}
          validUntilDate={calendarDateOf(license.validUntil)}
          isExpired={license.isExpired}
        />
      </section>
    </>
  );
}
