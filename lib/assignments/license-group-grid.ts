// The data of one license group's page (R13–R18): the company's users × the group's licenses.
// Shared contract between lib/assignments/ (get-license-group-grid.ts builds the head and the whole
// grid, list-license-group-user-page.ts one page of users, stream-license-group-user-pages.ts the
// page chain) and the grid UI (app/(portal)/software-management/[groupId]/_components/grid/).
// Dates are ISO strings so the value crosses the server/client boundary unchanged.
import type { LicenseEdition, LicenseType, MembershipRole, ProductKind, Title } from "@prisma/client";

/**
 * One column of the grid (lib/assignments/grid-columns.ts): the licenses of one product, edition,
 * type and term, with their seats added up. `id` names the column (its oldest license); assignments,
 * pending changes and sorting use it, and a grant on it gets a free license of the column.
 */
export type GridLicensePart = { id: string; seats: number; assignedCount: number; validUntil: string; isExpired: boolean };

export type GridLicense = {
  id: string;
  /**
   * Every license of the column, oldest first (one for a floating license), with its own seats and
   * term: a purchase (one more seat, another year) is of one license (components/shop/).
   */
  parts: GridLicensePart[];
  productCode: string;
  productName: string;
  productKind: ProductKind;
  type: LicenseType;
  edition: LicenseEdition;
  seats: number;
  /** Active assignments (for NAMED_USER and NODE_LOCKED they count against seats, R1/R3/R25). */
  assignedCount: number;
  /** Computers the column's licenses are active on now (R3, R4; desktop licenses, else 0). */
  activatedCount: number;
  /** FLOATING only: who holds a seat right now (live leases), else []. */
  seatHolders: { userId: string; expiresAt: string; holder: "browser" | "device" }[];
  validFrom: string;
  validUntil: string;
  isExpired: boolean;
};

/**
 * Delivery of the latest invitation mail of an unregistered user (R17). Never the mail server's
 * own answer (EmailMessage.lastError): it names servers and addresses and stays in the logs.
 */
export type InvitationStatus = { status: "PENDING" | "SENT" | "FAILED"; at: string };

export type GridUser = {
  id: string;
  email: string;
  title: Title | null;
  firstName: string;
  lastName: string;
  position: string;
  role: MembershipRole;
  /** Has a verified account; otherwise an invited contact (R14, R17). */
  isRegistered: boolean;
  /** Set for unregistered users who were sent an invitation. */
  invitation: InvitationStatus | null;
  /** Columns (GridLicense.id) of this group in which the user holds a license now. */
  assignedLicenseIds: string[];
};

export type LicenseGroupGrid = {
  group: { id: string; name: string; sapAccountNumber: string; orderReference: string | null; version: number };
  company: { id: string; name: string; country: string };
  licenses: GridLicense[];
  users: GridUser[];
};

/** What a row of the grid shows of a user: GridUser without the fields only the CSV export uses. */
export type GridRowUser = Omit<GridUser, "title" | "position" | "role">;

/** The group page without its users: rendered at once, whatever the company's size (R13). */
export type LicenseGroupGridHead = Omit<LicenseGroupGrid, "users"> & {
  /** Members of the company when the head was read; the grid says "loading" until it has them. */
  userCount: number;
};

/**
 * One page of the group's users as the grid receives it (decision 008): rows in the grid's default
 * name order, the group version they were read at (R26: equal to the head's, or the page is from
 * after someone's save), and the next page, still on its way, or null after the last.
 */
export type GridUserPage = { users: GridRowUser[]; groupVersion: number; next: Promise<GridUserPage> | null };
