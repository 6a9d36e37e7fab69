"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { FormAlert } from "@/components/ui/form-field";

/** R14/R15: after Add user the group page says who was added (`?added=<email>`). */
export function UserAddedNotice() {
  const t = useTranslations("addUser");
  const added = useSearchParams().get("added");
  if (!added) return null;
  return (
    <div className="mb-4">
      <FormAlert tone="success">{t("added", { email: added })}</FormAlert>
    </div>
  );
}
