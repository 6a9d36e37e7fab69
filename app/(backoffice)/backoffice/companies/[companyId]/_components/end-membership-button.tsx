"use client";

import { useTranslations } from "next-intl";
import { endMembershipAction } from "@/app/(backoffice)/backoffice/companies/[companyId]/actions";
import { ActionButton } from "@/components/forms/action-button";
import { useActionForm } from "@/components/forms/use-action-form";

/** Staff end a person's membership of the company, after a confirmation. */
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
    <ActionButton form={form} onClick={onClick} label={t("endMembershipLabel", { name: props.name })}>
      {t("endMembership")}
    </ActionButton>
  );
}
