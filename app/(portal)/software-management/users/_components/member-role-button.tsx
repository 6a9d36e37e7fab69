"use client";

import { useTranslations } from "next-intl";
import { changeMemberRoleAction } from "@/app/(portal)/software-management/users/actions";
import { ActionButton } from "@/components/forms/action-button";
import { useActionForm } from "@/components/forms/use-action-form";

/** "Make software administrator" / "Remove administrator role" for one user of the company. */
export function MemberRoleButton(props: { companyId: string; userId: string; name: string; role: "ADMIN" | "USER" }) {
  const t = useTranslations("companyUsers");
  const form = useActionForm();
  const isAdmin = props.role === "ADMIN";

  async function onClick() {
    const role = isAdmin ? "USER" : "ADMIN";
    await form.submit(() => changeMemberRoleAction({ companyId: props.companyId, userId: props.userId, role }), {
      onSuccess: () => ({ tone: "success", text: t(role === "ADMIN" ? "madeAdmin" : "adminRemoved", { name: props.name }) }),
      onFailure: (error) => (error.code === "CONFLICT" ? { tone: "error", text: t("lastAdmin") } : undefined),
    });
  }

  return (
    <ActionButton form={form} onClick={onClick} label={t(isAdmin ? "removeAdminLabel" : "makeAdminLabel", { name: props.name })}>
      {t(isAdmin ? "removeAdmin" : "makeAdmin")}
    </ActionButton>
  );
}
