"use client";

// Decision 008: the grid starts with the first page of users and takes in the later pages while
// the server's response streams on. On a reload (after a save, or router.refresh()) the rows shown
// before stay until their user is read again, so the grid neither shrinks nor loses its scroll
// position. A page read at another group version than the head means someone saved in between:
// the grid then reloads instead of showing two states as one (R26).
import { startTransition, useEffect, useEffectEvent, useMemo, useState } from "react";
import type { GridUserPage } from "@/lib/assignments/license-group-grid";
import type { GridRowData } from "./grid-model";
import { appendPage, failStream, rowsOf, startStream, type UserStreamStatus } from "./user-stream-state";

export function useStreamedUsers(options: {
  firstPage: GridUserPage;
  /** LicenseGroup.version of the head the pages belong to. */
  version: number;
  /** A page was read at another group version: reload the head and the pages (R26). */
  onGroupChanged: () => void;
}): { rows: GridRowData[]; status: UserStreamStatus } {
  const { firstPage, version } = options;
  const [state, setState] = useState(() => startStream(firstPage, version, []));
  const rows = useMemo(() => rowsOf(state), [state]);
  // A new stream (the server rendered the page again): start over, keeping today's rows until re-read.
  if (state.firstPage !== firstPage || state.version !== version) setState(startStream(firstPage, version, rows));

  const onGroupChanged = useEffectEvent(options.onGroupChanged);
  useEffect(() => {
    let isCancelled = false;
    async function readLaterPages(): Promise<void> {
      let page = firstPage;
      for (let index = 1; page.groupVersion === version && page.next; index++) {
        const arrived = await page.next;
        if (isCancelled) return;
        // A transition: typing in the search field stays responsive while pages arrive.
        startTransition(() => setState((current) => appendPage(current, firstPage, index, arrived)));
        page = arrived;
      }
      if (page.groupVersion !== version && !isCancelled) onGroupChanged();
    }
    readLaterPages().catch(() => {
      if (!isCancelled) setState((current) => failStream(current, firstPage));
    });
    return () => {
      isCancelled = true;
    };
  }, [firstPage, version]);

  return { rows, status: state.status };
}
