"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { Button, buttonClassName } from "@/components/ui/button";

export type GridNotice = { tone: "success" | "error"; text: string };

type GridActionBarProps = {
  pendingCount: number;
  isSaving: boolean;
  notice: GridNotice | null;
  /** Why the pending changes cannot be saved now (ticks beyond the seats), or null. */
  saveBlockedBy: string | null;
  onDiscard: () => void;
  onSave: () => void;
  saveButtonRef: Ref<HTMLButtonElement>;
};

/** R16: the sticky bar with the number of pending changes, Discard and Save, and the save result. */
export function GridActionBar({ pendingCount, isSaving, notice, saveBlockedBy, onDiscard, onSave, saveButtonRef }: GridActionBarProps) {
  const t = useTranslations("grid");
  const hasChanges = pendingCount > 0;
  return (
    <div
      className={clsx(
        "sticky bottom-0 z-30 mt-3 flex flex-wrap items-center gap-3 rounded-lg border px-4 py-3 shadow-sm transition-colors",
        hasChanges ? "border-emerald-200 bg-emerald-50/95 backdrop-blur" : "border-slate-200 bg-white/95 backdrop-blur",
      )}
    >
      <p className={clsx("text-sm font-medium", hasChanges ? "text-emerald-900" : "text-slate-600")}>
        {hasChanges ? t("pendingCount", { count: pendingCount }) : t("noPending")}
      </p>
      {notice ? (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={clsx(
            "rounded-md px-2.5 py-1 text-sm",
            notice.tone === "error" ? "bg-red-50 text-red-800 ring-1 ring-red-200" : "bg-white text-emerald-800 ring-1 ring-emerald-200",
          )}
        >
          {notice.text}
        </p>
      ) : null}
      {saveBlockedBy ? (
        <p role="alert" className="rounded-md bg-red-50 px-2.5 py-1 text-sm text-red-800 ring-1 ring-red-200">
          {saveBlockedBy}
        </p>
      ) : null}
      <div className="ml-auto flex gap-2">
        <Button variant="secondary" onClick={onDiscard} disabled={!hasChanges || isSaving}>
          {t("discard")}
        </Button>
        <button
          ref={saveButtonRef}
          type="button"
          onClick={onSave}
          disabled={!hasChanges || isSaving || saveBlockedBy !== null}
          className={buttonClassName("primary")}
        >
          {isSaving ? t("saving") : t("save")}
        </button>
      </div>
    </div>
  );
}
