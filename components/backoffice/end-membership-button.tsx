"use client";

import { useTranslations } from "next-intl";
import { endMembershipAction } from "@/app/(backoffice)/backoffice/companies/[companyId]/actions";
import { useActionForm } from "@/components/backoffice/use-action-form";
import { Button } from "@/components/ui/button";

/** Issue 13: staff end a person's membership of the company, after a confirmation. */
export function EndMembershipButton(props: { companyId: string; userId: string; name: string }) {
  const t = useTranslations("backoffice.company");
  const form = useActionForm();

  async function onClick() {
    if (!window.confirm(t("endMembershipConfirm", { name: props.name }))) return;
    await form.submit(() => endMembershipAction({ companyId: props.companyId, userId: props.userId }), {
      onSuccess: () => ({ tone: "success", text: t("membershipEnded", { name: props.name }) }),
    });
  }

  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={onClick} disabled={form.isSubmitting} aria-label={t("endMembershipLabel", { name: props.name })}>
        {t("endMembership")}
      </Button>
      {form.message ? (
        <p role={form.message.tone === "error" ? "alert" : "status"} className="text-xs text-slate-700">
          {form.message.text}
        </p>
      ) : null}
    </div>
  );
}
