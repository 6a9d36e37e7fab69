// R13 at any company size (decision 008): the group page renders with the first page of users and
// receives the rest in the same response, as a chain of promises a server component can hand to the
// grid — each page resolves to its rows and the promise of the next. Each next page is read as soon
// as the previous one is, so the database works while the browser renders, one bounded page at a
// time; every page is read by listLicenseGroupUserPage with its own tenancy check (R28).
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
  /** Aborted when nobody reads the rest any more (the response ended): no further pages are read. */
  signal?: AbortSignal | null;
  db?: DbClient;
};

/** The first page of the group's users; its `next` chain delivers the others. */
export function streamLicenseGroupUserPages(options: StreamOptions): Promise<GridUserPage> {
  return readPage(options, null, options.firstPageSize ?? FIRST_USER_PAGE_SIZE);
}

async function readPage(options: StreamOptions, after: GridUserCursor | null, limit: number): Promise<GridUserPage> {
  // An aborted stream ends in an error, never in a shorter list the grid would take as complete.
  options.signal?.throwIfAborted();
  const page = await listLicenseGroupUserPage({ actor: options.actor, groupId: options.groupId, after, limit, db: options.db });
  const next = page.nextCursor ? readPage(options, page.nextCursor, options.pageSize ?? NEXT_USER_PAGE_SIZE) : null;
  // The reader of this page subscribes to `next` when it serialises it; should it be gone (the
  // response aborted), a failed read must not become an unhandled rejection that ends the process.
  next?.catch(() => undefined);
  return { users: page.users.map(toGridRowUser), groupVersion: page.groupVersion, next };
}

/** Only what a grid row shows travels to the browser: title, position and role stay on the server. */
function toGridRowUser(user: GridUser): GridRowUser {
  const { id, email, firstName, lastName, isRegistered, invitation, assignedLicenseIds } = user;
  return { id, email, firstName, lastName, isRegistered, invitation, assignedLicenseIds };
}
