import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AddUserForm } from "@/app/(portal)/software-management/[groupId]/add-user/_components/add-user-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireSoftwareManager } from "@/lib/auth/permissions";
import { isCompanyVerifiedById } from "@/lib/companies/company-verification";
import { isDomainError } from "@/lib/errors";
import { getLicenseGroupCompanyId } from "@/lib/licenses/get-license-group-company";
import { otherCompanyPrompt } from "@/app/(portal)/_components/other-company";
import { requireSessionUser } from "@/app/session";

type PageProps = { params: Promise<{ groupId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("addUser");
  return { title: t("heading") };
}

/** R14: Add user to the group's company. A foreign or missing group and a non-admin get the same 404 (R28). */
export default async function AddUserPage({ params, searchParams }: PageProps) {
  const { groupId } = await params;
  // The grid's "Add … as a user" passes what the admin searched for, when it is an address.
  const searched = (await searchParams).email;
  const defaultEmail = typeof searched === "string" && searched.length <= 320 && searched.includes("@") ? searched : "";
  const user = await requireSessionUser();
  let companyId: string;
  try {
    companyId = await getLicenseGroupCompanyId({ groupId });
    requireSoftwareManager(user, companyId);
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) notFound();
    throw error;
  }
  const prompt = await otherCompanyPrompt(user, companyId);
  if (prompt) return prompt;
  // Decision 016: a company not yet verified invites everyone; the form says so up front.
  const invites = !(await isCompanyVerifiedById({ companyId }));
  const t = await getTranslations("addUser");
  const groupPath = `/software-management/${groupId}`;

  return (
    <>
      <BackLink href={groupPath} label={t("back")} />
      <PageHeader title={t("heading")} description={t(invites ? "introInvite" : "intro")} />
      <div className="max-w-xl">
        <AddUserForm groupId={groupId} groupPath={groupPath} defaultEmail={defaultEmail} />
      </div>
    </>
  );
}
