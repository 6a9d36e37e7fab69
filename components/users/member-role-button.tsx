"use client";

import { useTranslations } from "next-intl";
import { changeMemberRoleAction } from "@/app/(portal)/software-management/users/actions";
import { useActionForm } from "@/components/backoffice/use-action-form";
import { Button } from "@/components/ui/button";

/** Issue 13: "Make software administrator" / "Remove administrator role" for one user of the company. */
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
    <div className="space-y-1">
      <Button variant="secondary" onClick={onClick} disabled={form.isSubmitting} aria-label={t(isAdmin ? "removeAdminLabel" : "makeAdminLabel", { name: props.name })}>
        {t(isAdmin ? "removeAdmin" : "makeAdmin")}
      </Button>
      {form.message ? (
        <p role={form.message.tone === "error" ? "alert" : "status"} className="text-xs text-slate-700">
          {form.message.text}
        </p>
      ) : null}
    </div>
  );
}
