// The grid's view of the streamed user pages (decision 008), as pure transitions so the rules are
// testable without a browser: which pages are shown, when the stream is complete, when it came
// from another group version (R26), and which rows of an earlier stream stay until read again.
import type { GridUserPage } from "@/lib/assignments/license-group-grid";
import { buildGridRows, type GridRowData } from "./grid-model";

/** loading: pages still arriving; changed: a page came from another group version; failed: a page could not be read. */
export type UserStreamStatus = "loading" | "complete" | "changed" | "failed";

export type StreamState = {
  firstPage: GridUserPage;
  /** The head's group version every page must have been read at. */
  version: number;
  /** Rows of the pages arrived so far, one array per page. */
  pages: readonly GridRowData[][];
  status: UserStreamStatus;
  /** Rows shown before this stream began whose user this stream has not read yet. */
  previous: GridRowData[];
};

export function startStream(firstPage: GridUserPage, version: number, previous: GridRowData[]): StreamState {
  const status = firstPage.groupVersion !== version ? "changed" : firstPage.next ? "loading" : "complete";
  return {
    firstPage,
    version,
    pages: [buildGridRows(firstPage.users, firstPage.groupVersion)],
    status,
    previous: status === "complete" ? [] : previous,
  };
}

/** Page `index` (1 is the one after the first) of the stream that began with `firstPage`; idempotent. */
export function appendPage(state: StreamState, firstPage: GridUserPage, index: number, page: GridUserPage): StreamState {
  if (state.firstPage !== firstPage || state.status !== "loading" || state.pages.length !== index) return state;
  // Not shown: its rows belong to another state of the group than the head and the pages before.
  if (page.groupVersion !== state.version) return { ...state, status: "changed" };
  const pages = [...state.pages, buildGridRows(page.users, page.groupVersion)];
  // Complete: a user shown before but not read again is no longer a member.
  return page.next ? { ...state, pages } : { ...state, pages, status: "complete", previous: [] };
}

/** A page of the stream that began with `firstPage` could not be read; a finished stream stays as it is. */
export function failStream(state: StreamState, firstPage: GridUserPage): StreamState {
  return state.firstPage === firstPage && state.status === "loading" ? { ...state, status: "failed" } : state;
}

/** The rows to show: every page read so far, then the earlier stream's rows not read again yet. */
export function rowsOf(state: StreamState): GridRowData[] {
  // A person renamed while the pages were read can come twice (keyset pages follow the name); the
  // later page is the newer read. The grid sorts the rows itself, so their order here is free.
  const loaded = state.pages.length === 1 ? state.pages[0]! : [...new Map(state.pages.flat().map((row) => [row.user.id, row])).values()];
  if (state.previous.length === 0) return loaded;
  const readAgain = new Set(loaded.map((row) => row.user.id));
  return [...loaded, ...state.previous.filter((row) => !readAgain.has(row.user.id))];
}
