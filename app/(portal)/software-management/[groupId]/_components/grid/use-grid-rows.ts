"use client";

// The grid's data: the head's licenses and the users streamed in so far (decision 008), with the
// admin's own saves shown at once until the rows are read again, and the columns in the reader's words.
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { GridUserPage, LicenseGroupGridHead } from "@/lib/assignments/license-group-grid";
import { buildGridColumns, withSavedChanges, type SavedChanges } from "./grid-model";
import { useStreamedUsers } from "./use-streamed-users";

export function useGridRows(options: { head: LicenseGroupGridHead; firstUserPage: GridUserPage; onGroupChanged: () => void }) {
  const { head } = options;
  const t = useTranslations("grid");
  const tType = useTranslations("licenseType");
  const format = useFormatter();
  const stream = useStreamedUsers({
    firstPage: options.firstUserPage,
    version: head.group.version,
    onGroupChanged: options.onGroupChanged,
  });
  const [ownSaves, setOwnSaves] = useState<readonly SavedChanges[]>([]);
  const rows = useMemo(() => withSavedChanges(stream.rows, ownSaves), [stream.rows, ownSaves]);
  const users = useMemo(() => rows.map((row) => row.user), [rows]);
  const grid = useMemo(() => ({ group: head.group, licenses: head.licenses, users }), [head.group, head.licenses, users]);

  const columns = useMemo(
    () =>
      buildGridColumns(head.licenses, {
        type: (license) => tType(license.type),
        term: (license) => t("columnTerm", { until: format.dateTime(new Date(license.validUntil), { dateStyle: "medium" }) }),
      }),
    [head.licenses, tType, t, format],
  );
  const seatHolders = useMemo(
    () => new Map(head.licenses.map((license) => [license.id, new Set(license.seatHolders.map((holder) => holder.userId))])),
    [head.licenses],
  );

  /** Rows not read again yet show this save until they are; once every row is, older saves are dropped. */
  function recordSave(save: SavedChanges) {
    const isComplete = stream.status === "complete";
    setOwnSaves((saves) => [...saves.filter((earlier) => !isComplete || earlier.version > head.group.version), save]);
  }

  return {
    grid,
    rows,
    columns,
    seatHolders,
    streamStatus: stream.status,
    isLoadingUsers: (stream.status === "loading" || stream.status === "changed") && rows.length < head.userCount,
    recordSave,
  };
}
