// The group's users as a chain of pages a server component hands to the grid (decision 008): each page
// resolves to its rows and the promise of the next, read as soon as the previous one arrived.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import type { GridRowUser, GridUser, GridUserPage } from "@/lib/assignments/license-group-grid";
import { listLicenseGroupUserPage, type GridUserCursor } from "@/lib/assignments/list-license-group-user-page";
import type { DbClient } from "@/lib/db/client";

/** Enough rows to fill any screen at once, small enough to cost the same in every company. */
export const FIRST_USER_PAGE_SIZE = 200;
/** Later pages: few round trips and client re-sorts, a bounded query and response chunk each. */
export const NEXT_USER_PAGE_SIZE = 2_000;

type StreamOptions = {
  actor: Actor;
  groupId: string;
  firstPageSize?: number;
  pageSize?: number;
  signal?: AbortSignal | null;
  db?: DbClient;
};

export function streamLicenseGroupUserPages(options: StreamOptions): Promise<GridUserPage> {
  return readPage(options, null, options.firstPageSize ?? FIRST_USER_PAGE_SIZE);
}

async function readPage(options: StreamOptions, after: GridUserCursor | null, limit: number): Promise<GridUserPage> {
  // An aborted stream ends in an error, never in a shorter list the grid would take as complete.
  options.signal?.throwIfAborted();
  const page = await listLicenseGroupUserPage({ actor: options.actor, groupId: options.groupId, after, limit, db: options.db });
  const next = page.nextCursor ? readPage(options, page.nextCursor, options.pageSize ?? NEXT_USER_PAGE_SIZE) : null;
  // Should the reader be gone (response aborted), a failed read must not end the process as unhandled.
  next?.catch(() => undefined);
  return { users: page.users.map(toGridRowUser), groupVersion: page.groupVersion, next };
}

/** Only what a grid row shows travels to the browser: title, position and role stay on the server. */
function toGridRowUser(user: GridUser): GridRowUser {
  const { id, email, firstName, lastName, isRegistered, invitation, assignedLicenseIds } = user;
  return { id, email, firstName, lastName, isRegistered, invitation, assignedLicenseIds };
}
