"use client";

import { useTranslations } from "next-intl";
import { acceptMembershipInvitationAction } from "@/app/(auth)/join/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";

/** "Accept invitation" (decision 016); the person continues in the company they joined (R11). */
export function AcceptInvitationButton({ token }: { token: string }) {
  const t = useTranslations("join");
  const form = useActionForm();

  async function onClick() {
    await form.submit(() => acceptMembershipInvitationAction({ token }), {
      onSuccess: () => ({ redirect: "/my-software" }),
      onFailure: (error) => (error.code === "NOT_FOUND" ? { tone: "error", text: t("invalid") } : undefined),
    });
  }

  return (
    <div className="space-y-3">
      <FormMessageAlert message={form.message} />
      <Button onClick={onClick} disabled={form.isSubmitting}>
        {form.isSubmitting ? t("accepting") : t("accept")}
      </Button>
    </div>
  );
}
