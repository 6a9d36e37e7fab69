// The data of one license group's page (R13–R18), shared by lib/assignments/ and the grid UI.
// Dates are ISO strings so the value crosses the server/client boundary unchanged.
import type { LicenseEdition, LicenseType, MembershipRole, ProductKind, Title } from "@prisma/client";

export type GridLicensePart = { id: string; seats: number; assignedCount: number; validUntil: string; isExpired: boolean };

/** One column (grid-columns.ts): licenses of one kind, seats added up; `id` is its oldest license's. */
export type GridLicense = {
  id: string;
  /** Oldest first, each with its own seats and term: a purchase is of one license. */
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

/** The latest invitation mail's delivery (R17); never the server's answer, which names servers and addresses. */
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

/** One page in the grid's name order (decision 008); a groupVersion other than the head's means a save since (R26). */
export type GridUserPage = { users: GridRowUser[]; groupVersion: number; next: Promise<GridUserPage> | null };
