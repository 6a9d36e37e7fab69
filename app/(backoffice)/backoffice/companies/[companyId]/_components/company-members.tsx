import { getTranslations } from "next-intl/server";
import { cellClassName, DataTable } from "@/components/backoffice/data-table";
import { EndMembershipButton } from "./end-membership-button";
import { EmptyState } from "@/components/ui/empty-state";
import type { BackofficeMember } from "@/lib/backoffice/get-company-overview";
import { displayName } from "@/lib/auth/current-user";

/** The company's contacts and their roles (R11); staff end a membership here (decision 016; the account stays, R19). */
export async function CompanyMembers({ companyId, members }: { companyId: string; members: BackofficeMember[] }) {
  const t = await getTranslations("backoffice.company");
  const tRole = await getTranslations("backoffice.roles");
  if (members.length === 0) return <EmptyState>{t("noMembers")}</EmptyState>;
  return (
    <DataTable caption={t("membersCaption")} columns={[t("name"), t("email"), t("role"), t("status"), t("actions")]}>
      {members.map((member) => (
        <tr key={member.userId}>
          <td className={`${cellClassName} text-slate-900`}>{displayName(member)}</td>
          <td className={cellClassName}>{member.email}</td>
          <td className={cellClassName}>{tRole(member.role)}</td>
          <td className={cellClassName}>{member.isRegistered ? t("registered") : t("notRegistered")}</td>
          <td className={cellClassName}>
            <EndMembershipButton companyId={companyId} userId={member.userId} name={displayName(member)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
