// Every back-office page checks staff itself (R28, R31): a layout's check alone does not guard a
// page's own data, and a non-staff visitor gets the ordinary 404, as for a page that does not exist.
import "server-only";
import { notFound } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canAccessBackoffice } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";
import { getSessionUser } from "@/app/session";

export async function requireStaffPage(): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user || !canAccessBackoffice(user)) notFound();
  return user;
}

/** A domain read whose NOT_FOUND (missing or malformed id) becomes the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}
