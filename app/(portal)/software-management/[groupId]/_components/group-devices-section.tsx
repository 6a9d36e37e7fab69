"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { deactivateDeviceAction } from "@/app/(portal)/software-management/[groupId]/devices/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormAlert, inputClassName } from "@/components/ui/form-field";
import type { GroupDevice } from "@/lib/activations/list-group-devices";
import { FORBIDDEN_CHARACTERS } from "@/lib/validation/safe-text";

/**
 * R4: below the user list, the devices on which the group's node-locked licenses are active. An
 * admin may deactivate a lost device; the dialog asks for the reason, which the audit trail keeps (R24).
 */
export function GroupDevicesSection({ groupId, devices }: { groupId: string; devices: GroupDevice[] }) {
  const t = useTranslations("devices");
  const tField = useTranslations("fieldErrors");
  const format = useFormatter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<GroupDevice | null>(null);
  // The dialog's error is the form's message; the notice of a deactivation stands outside it.
  const form = useActionForm();
  const [notice, setNotice] = useState<string | null>(null);
  const date = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });

  function open(device: GroupDevice) {
    setTarget(device);
    form.setMessage(null);
    dialog.current?.showModal();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target) return;
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (!reason) return form.setMessage({ tone: "error", text: t("reasonRequired") });
    await form.submit(() => deactivateDeviceAction({ groupId, activationId: target.activationId, reason }), {
      onSuccess: () => {
        dialog.current?.close();
        setNotice(t("deactivated", { device: target.hostname, user: target.userName }));
      },
      onFailure: (error) => {
        const problem = error.fieldErrors?.reason?.[0];
        if (!problem) return undefined;
        return { tone: "error", text: problem === FORBIDDEN_CHARACTERS ? tField("forbiddenCharacters") : t("reasonRequired") };
      },
    });
  }

  return (
    <section aria-labelledby="group-devices-heading" className="mt-10">
      <h2 id="group-devices-heading" className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">{t("intro")}</p>
      {notice ? (
        <div className="mb-4">
          <FormAlert tone="success">{notice}</FormAlert>
        </div>
      ) : null}
      {devices.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                {(["device", "user", "license", "activatedAt", "lastSeenAt"] as const).map((column) => (
                  <th key={column} scope="col" className="px-4 py-2 font-medium">
                    {t(column)}
                  </th>
                ))}
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {devices.map((device) => (
                <tr key={device.activationId}>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                    {device.hostname}
                  </th>
                  <td className="px-4 py-2">
                    <div className="text-slate-900">{device.userName}</div>
                    <div className="text-xs text-slate-500">{device.userEmail}</div>
                  </td>
                  <td className="px-4 py-2">{device.productName}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{date(device.activatedAt)}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{date(device.lastSeenAt)}</td>
                  <td className="px-4 py-2 text-right">
                    <Button
                      variant="secondary"
                      onClick={() => open(device)}
                      aria-label={t("deactivateLabel", { device: device.hostname, user: device.userName })}
                    >
                      {t("deactivate")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* The native modal dialog keeps focus inside and closes with Escape (R32). */}
      <dialog
        ref={dialog}
        aria-labelledby="deactivate-device-title"
        className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
        onClose={() => setTarget(null)}
      >
        {target ? (
          <form onSubmit={onSubmit} noValidate className="space-y-4 p-6">
            <h3 id="deactivate-device-title" className="text-lg font-semibold text-slate-900">
              {t("dialogTitle", { device: target.hostname })}
            </h3>
            <p className="text-sm text-slate-700">
              {t("dialogText", { device: target.hostname, user: target.userName, license: target.productName })}
            </p>
            <FormMessageAlert message={form.message} />
            <div>
              <label htmlFor="deactivate-reason" className="block text-sm font-medium text-slate-800">
                {t("reason")}
              </label>
              {/* The reason is required, and the label says so (aria-required through `required`). */}
              <textarea
                id="deactivate-reason"
                name="reason"
                required
                rows={3}
                maxLength={500}
                autoFocus
                aria-invalid={form.message ? true : undefined}
                aria-describedby="deactivate-reason-hint"
                className={inputClassName}
              />
              <p id="deactivate-reason-hint" className="mt-1 text-xs text-slate-500">
                {t("reasonHint")}
              </p>
            </div>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => dialog.current?.close()}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={form.isSubmitting}>
                {form.isSubmitting ? t("deactivating") : t("confirm")}
              </Button>
            </div>
          </form>
        ) : null}
      </dialog>
    </section>
  );
}
