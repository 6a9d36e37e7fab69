import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { NotSoftwareAdmin } from "@/app/(portal)/_components/not-software-admin";
import { PageHeader } from "@/components/ui/page-header";
import { MemberRoleButton } from "@/app/(portal)/software-management/users/_components/member-role-button";
import { displayName } from "@/lib/auth/current-user";
import { canManageSoftware } from "@/lib/auth/permissions";
import { listCompanyMembers } from "@/lib/memberships/list-company-members";
import { requireSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("companyUsers");
  return { title: t("title") };
}

const cell = "px-4 py-2 text-slate-700";

/** The current company's users and roles (decision 016); its admins give and take the admin role here. Others: 404. */
export default async function CompanyUsersPage() {
  const user = await requireSessionUser();
  const membership = user.currentMembership;
  // A member who is not a software administrator here is told so, with the way out.
  if (!membership || !canManageSoftware(membership)) return <NotSoftwareAdmin user={user} />;
  const companyId = membership.company.id;
  const [members, t] = await Promise.all([listCompanyMembers({ actor: user, companyId }), getTranslations("companyUsers")]);

  return (
    <>
      <BackLink href="/software-management" label={t("back")} />
      <PageHeader title={t("title")} description={t("intro", { company: membership.company.name })} />
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {[t("name"), t("email"), t("role"), t("actions")].map((column) => (
                <th key={column} scope="col" className="px-4 py-2">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => {
              const name = displayName(member);
              return (
                <tr key={member.userId}>
                  <th scope="row" className={`${cell} font-medium text-slate-900`}>
                    {member.isSelf ? t("you", { name }) : name}
                  </th>
                  <td className={cell}>{member.email}</td>
                  <td className={cell}>{t(member.role === "ADMIN" ? "roleADMIN" : "roleUSER")}</td>
                  <td className={cell}>
                    <MemberRoleButton companyId={companyId} userId={member.userId} name={name} role={member.role} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
