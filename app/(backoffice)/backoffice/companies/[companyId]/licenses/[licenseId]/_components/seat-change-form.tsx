"use client";

import type { LicenseType } from "@prisma/client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { changeLicenseSeatsAction } from "@/app/(backoffice)/backoffice/companies/[companyId]/licenses/[licenseId]/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField, useFieldError } from "@/components/ui/form-field";
import { hasFixedSeatCount, MAX_LICENSE_SEATS, seatsToFree } from "@/lib/backoffice/seat-rules";

export type SeatFormAssignee = { userId: string; name: string; email: string; hasLiveLease: boolean; hasActiveActivation: boolean };

/**
 * R31 + R25: more seats at once; fewer than are in use only after ticking whom to unassign. The
 * server counts again under the seat locks and answers how many more must go if too few were
 * ticked (a save or a lease may have come in meanwhile).
 */
export function SeatChangeForm(props: {
  licenseId: string;
  version: number;
  type: LicenseType;
  seats: number;
  seatsUsed: number;
  assignees: SeatFormAssignee[];
}) {
  const t = useTranslations("backoffice.license");
  const form = useActionForm();
  const errorOf = useFieldError(form.fieldErrors);
  const [seats, setSeats] = useState(String(props.seats));
  const [unassign, setUnassign] = useState<Set<string>>(new Set());
  const toFree = seatsToFree({ seats: Number.parseInt(seats, 10), seatsUsed: props.seatsUsed });

  if (hasFixedSeatCount(props.type)) return <p className="text-sm text-slate-600">{t("nodeLockedSeats")}</p>;

  function toggle(userId: string, isChecked: boolean) {
    setUnassign((current) => {
      const next = new Set(current);
      if (isChecked) next.add(userId);
      else next.delete(userId);
      return next;
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await form.submit(
      () => changeLicenseSeatsAction({ licenseId: props.licenseId, seats, unassignUserIds: [...unassign], expectedVersion: props.version }),
      {
        onSuccess: (data) =>
          data.status === "SEATS_IN_USE"
            ? { tone: "error", text: t("belowUsage", { inUse: data.inUse, seats: data.seats, toUnassign: data.toUnassign }) }
            : {
                tone: "success",
                text:
                  data.unassigned > 0
                    ? t("seatsSavedUnassigned", { seats: data.seats, count: data.unassigned })
                    : t("seatsSaved", { seats: data.seats }),
              },
        onFailure: (error) => {
          if (error.code === "CONFLICT") return { tone: "error", text: t("stale") };
          if (error.fieldErrors?.seats?.[0] === "unchanged") return { tone: "info", text: t("unchanged") };
          return undefined;
        },
      },
    );
    if (result?.status === "CHANGED") setUnassign(new Set());
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="seats-heading">
      <FormMessageAlert message={form.message} />
      <div className="max-w-xs">
        <FormField
          id="seats"
          type="number"
          min={1}
          max={MAX_LICENSE_SEATS}
          required
          label={t("seatsLabel")}
          value={seats}
          onChange={(event) => setSeats(event.target.value)}
          error={errorOf("seats")}
        />
      </div>
      {props.assignees.length > 0 ? (
        <fieldset className="rounded-lg border border-slate-200 bg-white p-4" aria-describedby="unassign-hint">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("assigneesLegend")}</legend>
          <p id="unassign-hint" className={`mb-3 text-sm ${toFree > 0 ? "text-amber-800" : "text-slate-600"}`}>
            {toFree > 0 ? t("assigneesNeeded", { count: toFree }) : t("assigneesHint")}
          </p>
          <ul className="grid gap-2 sm:grid-cols-2">
            {props.assignees.map((assignee) => (
              <li key={assignee.userId}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={unassign.has(assignee.userId)}
                    onChange={(event) => toggle(assignee.userId, event.target.checked)}
                  />
                  <span>
                    <span className="font-medium text-slate-900">{assignee.name}</span>{" "}
                    <span className="text-slate-500">{assignee.email}</span>
                    {assignee.hasLiveLease ? <span className="block text-xs text-amber-800">{t("assigneeLiveLease")}</span> : null}
                    {assignee.hasActiveActivation ? <span className="block text-xs text-slate-600">{t("assigneeDevice")}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <Button type="submit" disabled={form.isSubmitting}>
        {unassign.size > 0 ? t("saveSeatsUnassign", { count: unassign.size }) : t("saveSeats")}
      </Button>
    </form>
  );
}
